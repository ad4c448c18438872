export default defineContentScript({
  matches: ['https://*.atlassian.net/*'],
  main() {
    // Wiring lands with the Jira issue.
  },
});
