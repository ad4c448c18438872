import type { TicketJson } from '../engine/ticket-json';
import type { GeneralSettings } from '../storage/settings';
import { isStopped, type StoppedTickets } from '../storage/stopped-tickets';
import type { WatchedStore } from '../storage/watched-ticket-schema';

/**
 * Whether a ticket read for a view's row is watched (stored: listed, alarmed, notified): yes when
 * it already is (opened in a tab, or watched before); else only while the engineer watches view
 * tickets and has not stopped watching this one. A row that is not watched still tells the
 * truth: its history read is kept in memory (UnwatchedRows) for the rows, never stored.
 */
export function watchesFromView(key: string, store: WatchedStore, general: Pick<GeneralSettings, 'watchViewTickets'>, stopped: StoppedTickets): boolean {
  if (Object.hasOwn(store, key)) return true;
  return general.watchViewTickets && !isStopped(stopped, key);
}

export interface UnwatchedRow {
  ticket: TicketJson;
  version: string;
}

/** History reads of rows whose tickets are not watched, newest last, at most `max` (the oldest go). */
export class UnwatchedRows {
  private readonly rows = new Map<string, UnwatchedRow>();

  constructor(private readonly max = 2000) {}

  get(key: string): UnwatchedRow | undefined {
    return this.rows.get(key);
  }

  set(key: string, row: UnwatchedRow): void {
    this.rows.delete(key);
    this.rows.set(key, row);
    while (this.rows.size > this.max) {
      const oldest = this.rows.keys().next().value;
      if (oldest === undefined) break;
      this.rows.delete(oldest);
    }
  }

  delete(key: string): void {
    this.rows.delete(key);
  }
}
