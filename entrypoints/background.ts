export default defineBackground(() => {
  // Wiring lands with the background issue.
});
