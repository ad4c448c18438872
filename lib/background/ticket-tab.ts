import type { TicketRef } from '../messages/protocol';
import type { BackgroundPorts, TabInfo } from './ports';

/**
 * Finding a ticket's tab without the "tabs" permission: tabs.query reports URLs only for hosts
 * the extension has host permission for — exactly the helpdesks.
 */

function ticketPathMatches(url: URL, ticket: TicketRef): boolean {
  if (ticket.system === 'zendesk') return new RegExp(`/agent/tickets/${ticket.id}(?:/|$|\\?)`).test(url.pathname + url.search);
  // Jira: /browse/KEY, ?selectedIssue=KEY, or a JSM queue ending in /KEY.
  return (
    url.pathname.split('/').includes(ticket.id) || url.searchParams.get('selectedIssue') === ticket.id
  );
}

export async function findTicketTab(ports: BackgroundPorts, ticketUrl: string, ticket: TicketRef): Promise<TabInfo | null> {
  const origin = new URL(ticketUrl).origin;
  const tabs = await ports.tabs.list();
  return (
    tabs.find((tab) => {
      if (!tab.url) return false;
      try {
        const url = new URL(tab.url);
        return url.origin === origin && ticketPathMatches(url, ticket);
      } catch {
        return false;
      }
    }) ?? null
  );
}

/** Any tab of the helpdesk origin (a page there holds the session and CSRF token to write notes). */
export async function findOriginTab(ports: BackgroundPorts, origin: string, prefer?: number): Promise<TabInfo | null> {
  const tabs = (await ports.tabs.list()).filter((tab) => {
    try {
      return tab.url !== undefined && new URL(tab.url).origin === origin;
    } catch {
      return false;
    }
  });
  return tabs.find((tab) => tab.id === prefer) ?? tabs[0] ?? null;
}

export async function openTicketTab(
  ports: BackgroundPorts,
  ticketUrl: string,
  ticket: TicketRef,
): Promise<{ tabId: number; opened: boolean }> {
  const existing = await findTicketTab(ports, ticketUrl, ticket);
  if (existing) {
    await ports.tabs.focus(existing);
    return { tabId: existing.id, opened: false };
  }
  const tab = await ports.tabs.open(ticketUrl);
  return { tabId: tab.id, opened: true };
}
