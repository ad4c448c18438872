export type { QueueEntry, QueueItem } from './queue-item';
export { filterQueue, matchesSearch, searchWords, isOpen, showEverything } from './queue-filter';
export type { QueueFilter, SeverityFilterValue } from './queue-filter';
export { evaluateQueue, justAcknowledgedKey } from './evaluate-queue';
export { queueEntriesFromViews } from './entries-from-views';
