/** Background logic as injectable modules; entrypoints/background.ts only wires them to the browser. */
export { createBackground, backgroundIdle, type Background } from './create-background';
export { WAKE_ALARM, type BackgroundDeps, type TicketFetcher } from './deps';
export type { BackgroundPorts, ShownNotification, TabInfo } from './ports';
export { runWake, type WakeResult } from './wake';
export { refreshWatchedTickets, type RefreshOutcome } from './refresh';
export { ticketsToRefresh, nextRefreshAt, backoffAfterFailure, defaultRefreshLimits, type RefreshLimits } from './refresh-plan';
export { ticketKeyOfNotification, MARK_NOTIFIED_BUTTON, SNOOZE_BUTTON } from './notification-actions';
export { createSerialQueue, type SerialQueue } from './serial-queue';
