/**
 * The engine's public contract (SPEC §3). Code outside the project relies on these names and
 * shapes: keep them stable, add freely.
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
  LevelTimelineEntry,
  UpcomingDeadline,
  UpdateRule,
  ClockStartReason,
} from './engine/types';
export type { Policy, Duration, OfficePolicy, RolePolicy, LevelPolicy, SeverityPolicy } from './policy/schema';
export type { PolicyIssue, WeekdayKey, DurationUnit } from './policy';
export type { ZendeskMapping } from './helpdesks/zendesk/mapping';
export type { JiraMapping } from './helpdesks/jira/mapping';

export { evaluate } from './engine/evaluate';
export { parsePolicy, PolicyError, defaultPolicy, formatDuration } from './policy';
export { ticketFromZendesk } from './helpdesks/zendesk/map';
export { ticketFromJira } from './helpdesks/jira/map';

export type { ForecastEvent, ForecastEventKind, IcsLabels, IcsOptions } from './forecast';
export { forecast, toICS } from './forecast';
