export type { QueueEntry, QueueItem } from './queue-item';
export { sortByUrgency, compareUrgency, urgencyGroup, urgencyInstant } from './urgency';
export { filterQueue, matchesSearch, searchWords, isOpen, showEverything } from './queue-filter';
export type { QueueFilter, SeverityFilterValue } from './queue-filter';
export { composeEscalationMessage, mailtoUri } from './escalation-message';
export type { EscalationMessage, EscalationMessageInput, EscalationRecipient } from './escalation-message';
export { evaluateQueue, justAcknowledgedKey } from './evaluate-queue';
export { queueEntriesFromViews } from './entries-from-views';
