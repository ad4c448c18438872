import { pageUi } from '@/components/page-ui';
import { startInPage } from '@/lib/content/page-wiring';
import { zendeskInPage } from '@/lib/helpdesks/zendesk/in-page';
import { writeAckNote } from '@/lib/helpdesks/zendesk/notes';

export default defineContentScript({
  matches: ['https://*.zendesk.com/agent/*'],
  main(ctx) {
    startInPage(ctx, { helpdesk: zendeskInPage, writeNote: writeAckNote, ui: pageUi });
  },
});
