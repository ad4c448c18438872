export default defineContentScript({
  matches: ['https://*.zendesk.com/agent/*'],
  main() {
    // Wiring lands with the Zendesk issue.
  },
});
