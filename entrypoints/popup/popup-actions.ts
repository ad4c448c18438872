import { browser } from 'wxt/browser';
import type { PopupActions } from '../../components/popup/popup-types';
import { sendMessage } from '../../lib/messages';

/** A ticket reference naming its site: two sites may each have a ticket 35436. */
const refOf = (ticket: { system: 'zendesk' | 'jira'; id: string; url: string }) => ({
  system: ticket.system,
  id: ticket.id,
  origin: new URL(ticket.url).origin,
});

/** The popup's side effects: messages to the background, the clipboard, tabs. */
export function browserPopupActions(): PopupActions {
  return {
    async acknowledge(ticket, role, { recordOnTicket, person }) {
      const answer = await sendMessage({
        type: 'ticket:acknowledge',
        ticket: refOf(ticket),
        role,
        recordOnTicket,
        ...(person ? { person: person.slice(0, 200) } : {}),
      });
      return { noteError: answer.recordError ?? null };
    },
    async copyText(text) {
      await navigator.clipboard.writeText(text);
    },
    async openTicket(ticket) {
      await sendMessage({ type: 'ticket:open', ticket: refOf(ticket) });
      window.close();
    },
    async forget(ticket) {
      await sendMessage({ type: 'ticket:forget', ticket: refOf(ticket) });
    },
    async forgetViewTickets() {
      return (await sendMessage({ type: 'tickets:forget-view' })).forgotten;
    },
    async watchViewTickets() {
      await sendMessage({ type: 'tickets:watch-view' });
    },
    async watchAgain(ticket) {
      await sendMessage({ type: 'ticket:watch', ticket: refOf(ticket) });
    },
    async openOptions(section) {
      if (section === undefined) await browser.runtime.openOptionsPage();
      else await browser.tabs.create({ url: browser.runtime.getURL(`/options.html#${section}`) });
    },
  };
}
