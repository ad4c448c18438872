import type { Severity } from '../engine/types';
import type { QueueItem } from './queue-item';

export type SeverityFilterValue = Severity | 'none';

export interface QueueFilter {
  scope: 'mine' | 'all';
  /** Severities to show; empty shows every severity. 'none' is a ticket without a severity. */
  severities: ReadonlySet<SeverityFilterValue>;
  /** Free text; every word must appear in the ticket's helpdesk, id or title. */
  query: string;
}

export const showEverything: QueueFilter = { scope: 'all', severities: new Set(), query: '' };

const normalize = (text: string): string => text.normalize('NFKC').toLocaleLowerCase();

/** Words of a search box entry, normalized so full-width and case differences still match. */
export function searchWords(query: string): string[] {
  return normalize(query).split(/\s+/).filter((word) => word !== '');
}

export function matchesSearch(item: QueueItem, words: readonly string[]): boolean {
  if (words.length === 0) return true;
  const { ticket } = item;
  const haystack = normalize(`${ticket.system} ${ticket.id} #${ticket.id} ${ticket.title}`);
  return words.every((word) => haystack.includes(word));
}

/** The popup lists open tickets only: a solved ticket has nothing left to escalate. */
export function isOpen(item: QueueItem): boolean {
  return item.evaluation.state !== 'stopped';
}

export function filterQueue(items: readonly QueueItem[], filter: QueueFilter): QueueItem[] {
  const words = searchWords(filter.query);
  return items.filter(
    (item) =>
      isOpen(item) &&
      (filter.scope === 'all' || item.mine) &&
      (filter.severities.size === 0 || filter.severities.has(item.evaluation.severity ?? 'none')) &&
      matchesSearch(item, words),
  );
}
