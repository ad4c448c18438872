/**
 * The engine's public contract (SPEC §3). Each module adds its exports here.
 */
export type {
  Severity,
  Status,
  HelpdeskSystem,
  Ticket,
  TicketEvent,
  Evaluation,
  EvaluationState,
  NextLevel,
} from './engine/types';
export type { Policy, Duration, OfficePolicy, RolePolicy, LevelPolicy, SeverityPolicy } from './policy/schema';
export { ticketFromJira } from './helpdesks/jira/map';
export type {
  LevelTimelineEntry,
  UpcomingDeadline,
  UpdateRule,
  ClockStartReason,
} from './engine/types';
export { evaluate } from './engine/evaluate';
export { ticketFromZendesk } from './helpdesks/zendesk/map';
export { parsePolicy, PolicyError, defaultPolicy, formatDuration } from './policy';
export type { PolicyIssue, WeekdayKey, DurationUnit } from './policy';
