import { startInPage } from '@/lib/content/page-wiring';
import { defaultZendeskMapping, parseZendeskMapping, writeAckNote, zendesk } from '@/lib/helpdesks/zendesk';

export default defineContentScript({
  matches: ['https://*.zendesk.com/agent/*'],
  main(ctx) {
    startInPage(ctx, {
      helpdesk: zendesk,
      mappingFrom: (stored) => (stored.zendesk === null ? defaultZendeskMapping : parseZendeskMapping(stored.zendesk)),
      writeNote: writeAckNote,
    });
  },
});
