import type { HelpdeskPage } from '../contract';

/** Which Agent Workspace page a URL is. Pure: the content script calls it on every route change. */

const TICKET_PATH = /^\/agent\/tickets\/(\d+)(?:\/|$)/;
const LIST_PATHS = [/^\/agent\/filters(?:\/\d+)?\/?$/, /^\/agent\/search(?:\/|$)/, /^\/agent\/dashboard\/?$/];

export function parsePage(url: URL): HelpdeskPage {
  const ticket = TICKET_PATH.exec(url.pathname);
  if (ticket?.[1]) return { kind: 'ticket', ticketId: ticket[1] };
  if (LIST_PATHS.some((pattern) => pattern.test(url.pathname))) return { kind: 'list' };
  return { kind: 'other' };
}

export function agentTicketUrl(origin: string, id: string | number): string {
  return `${new URL(origin).origin}/agent/tickets/${id}`;
}
