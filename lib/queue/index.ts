export type { QueueItem } from './queue-item';
export { filterQueue, matchesSearch, searchWords, isOpen, showEverything } from './queue-filter';
export type { QueueFilter, SeverityFilterValue } from './queue-filter';
export { queueItemsFromRows } from './items-from-rows';
