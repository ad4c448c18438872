import type { TicketRef } from '../messages/protocol';
import type { BackgroundPorts } from './ports';

/**
 * Tells the helpdesk tabs of an origin that a ticket's view changed (acknowledged from the popup,
 * a notification or another tab; a newer read; its history read for a list row), so a badge or
 * row showing it asks again instead of waiting for its next deadline. Best effort: a tab without
 * our content script simply does not answer.
 */
export async function tellTicketChanged(ports: BackgroundPorts, origin: string, ticket: TicketRef, exceptTabId?: number): Promise<void> {
  await tellTicketsChanged(ports, origin, [ticket], exceptTabId);
}

/** The same for many tickets: the tabs are listed once. */
export async function tellTicketsChanged(
  ports: BackgroundPorts,
  origin: string,
  tickets: readonly TicketRef[],
  exceptTabId?: number,
): Promise<void> {
  const tabs = (await ports.tabs.list()).filter((tab) => tab.id !== exceptTabId && tab.url !== undefined && originOf(tab.url) === origin);
  await Promise.all(
    tabs.flatMap((tab) =>
      tickets.map((ticket) =>
        ports.tabs.send(tab.id, { type: 'content:ticket-changed', ticket: { system: ticket.system, id: ticket.id } }).catch(() => undefined),
      ),
    ),
  );
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
