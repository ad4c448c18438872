/** Which alarm to set and which notifications to raise, from evaluations and store state. Pure. */
export {
  ticketAlarmEvents,
  ticketEventKey,
  type AlarmEvent,
  type AlarmEventKind,
  type AlarmTicket,
  type EventOptions,
  type WarningLeads,
} from './alarm-events';
export { dueNotifications, dueEventsOf, isHeld, DEFAULT_SLEEP_GAP_MS, type DueOptions, type DuePlan, type PlannedNotification } from './due-notifications';
export { nextWakeAt, upcomingInstants } from './next-wake';
export { answeredNotifications } from './answered-notifications';
export { inQuietHours, quietHoursEnd, type QuietHours } from './quiet-hours';
export { toolbarBadge, BADGE_COLORS, type ToolbarBadge } from './toolbar-badge';
export { warningLeadsFrom } from './warning-leads';
