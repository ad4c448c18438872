import { ticketFromJson } from '../engine/ticket-schema';
import type { WatchedTicketView } from '../messages/responses';
import type { QueueEntry } from './queue-item';

/** The background's 'tickets:list' answer as queue entries (ticket JSON back to Dates). */
export function queueEntriesFromViews(views: readonly WatchedTicketView[]): QueueEntry[] {
  return views.map((view) => ({
    ticket: ticketFromJson(view.ticket),
    acknowledged: Object.keys(view.acknowledged),
    mine: view.mine,
    organization: view.organization ?? null,
    refreshedAt: new Date(view.fetchedAt),
    refreshError: view.refreshError?.message ?? null,
  }));
}
