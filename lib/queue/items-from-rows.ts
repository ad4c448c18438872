import { ticketFromJson } from '../engine/ticket-schema';
import type { PopupRow } from '../messages/popup-row';
import { evaluationFromJson } from '../view-model/evaluation-json';
import type { QueueItem } from './queue-item';

/** The background's 'tickets:list' rows as the popup renders them (JSON instants back to Dates), in the order given. */
export function queueItemsFromRows(rows: readonly PopupRow[]): QueueItem[] {
  return rows.map((row) => ({
    key: row.key,
    ticket: ticketFromJson(row.ticket),
    evaluation: evaluationFromJson(row.evaluation),
    mine: row.mine,
    toTell: row.toTell,
    notified: row.notified.map((told) => ({ ...told, at: new Date(told.at) })),
    refreshError: row.refreshError,
    fromView: row.fromView,
  }));
}
