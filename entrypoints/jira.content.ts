import { pageUi } from '@/components/page-ui';
import { startInPage } from '@/lib/content/page-wiring';
import { formatAckNote } from '@/lib/helpdesks/ack-note';
import { writeJiraComment } from '@/lib/helpdesks/jira/comments';
import { readAtlassianToken } from '@/lib/helpdesks/jira/dom';
import { jiraInPage } from '@/lib/helpdesks/jira/in-page';

export default defineContentScript({
  matches: ['https://*.atlassian.net/*'],
  main(ctx) {
    startInPage(ctx, {
      ui: pageUi,
      helpdesk: jiraInPage,
      // Internal on service projects; elsewhere Jira ignores the property and the note's marker shows it is ours.
      writeNote: async (id, note, io, mapping) => {
        await writeJiraComment(id, formatAckNote(note), io, mapping, { internal: true, atlassianToken: readAtlassianToken(document) });
      },
    });
  },
});
