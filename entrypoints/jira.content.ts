import { startInPage } from '@/lib/content/page-wiring';
import { formatAckNote } from '@/lib/helpdesks/ack-note';
import { jira, jiraMappingDefaults, parseJiraMapping, readAtlassianToken, writeJiraComment, type JiraMapping } from '@/lib/helpdesks/jira';

export default defineContentScript({
  matches: ['https://*.atlassian.net/*'],
  main(ctx) {
    let mapping: JiraMapping = jiraMappingDefaults;
    startInPage(ctx, {
      helpdesk: jira,
      mappingFrom: (stored) => (mapping = stored.jira === null ? jiraMappingDefaults : parseJiraMapping(stored.jira)),
      // Internal on service projects; elsewhere Jira ignores the property and the note's marker shows it is ours.
      writeNote: async (id, note, io) => {
        await writeJiraComment(id, formatAckNote(note), io, mapping, {
          internal: true,
          atlassianToken: readAtlassianToken(document),
        });
      },
    });
  },
});
