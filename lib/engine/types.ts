/** The engine's public contract (SPEC §3). Code outside the project relies on these names. */

export type Severity = 1 | 2 | 3 | 4;
export type Status = 'active' | 'waiting' | 'solved';
export type HelpdeskSystem = 'zendesk' | 'jira';

export type TicketEvent =
  | { at: Date; kind: 'severity'; to: Severity | null }
  | { at: Date; kind: 'status'; to: Status }
  | { at: Date; kind: 'publicReply' }
  | { at: Date; kind: 'workaround' }
  | { at: Date; kind: 'notified'; role: string };

export interface Ticket {
  system: HelpdeskSystem;
  /** '35436' for Zendesk, 'OPS-42' for Jira. */
  id: string;
  url: string;
  title: string;
  createdAt: Date;
  /** Severity now. */
  severity: Severity | null;
  /** Status now. */
  status: Status;
  /** Office id; null means the policy's default office. */
  office: string | null;
  /** Whether a workaround or action plan has been given (now). */
  workaround: boolean;
  /** Oldest first; may be empty, then the current values held all along. */
  history: TicketEvent[];
  /**
   * The customer organisation's name (Zendesk organisation, JSM "Organizations"); null when the
   * ticket has none or its name could not be read. Mappers always set it (SPEC §3).
   */
  organization?: string | null;
  /** The assignee's id in the helpdesk (Zendesk user id, Jira accountId, Data Center key/name); null when unassigned. */
  assignee?: string | null;
  /**
   * What a side read could not tell (an author unknown to the helpdesk, native SLA unavailable):
   * the ticket is still read and evaluated, and these lines are added to the explanation.
   */
  gaps?: string[];
  /**
   * What a page read could not read (issue 13): the value is not known, not absent. `createdAt`
   * unknown (the page shows no machine-readable creation time, or only part of a lazily loaded
   * conversation): `createdAt` is then only the earliest instant the page showed and no clock
   * runs. `severity` unknown (the priority shown in a language we do not read): `severity` is
   * null, and the explanation says why rather than "no severity set". `gaps` says the reason.
   */
  unread?: UnreadField[];
}

export type UnreadField = 'createdAt' | 'severity';

export type EvaluationState = 'unknown' | 'stopped' | 'paused' | 'overdue' | 'notify' | 'warning' | 'ok';

export interface NextLevel {
  level: number;
  id: string;
  /** null while the clock is paused. */
  at: Date | null;
}

/** One escalation level of the policy as it applies to this ticket's current clock. */
export interface LevelTimelineEntry {
  /** 1-based position in policy.levels. */
  level: number;
  id: string;
  name: string;
  /** Whether the severity has a target for this level (level 1 always has: the clock start). */
  scheduled: boolean;
  /** When the level starts (level 1: the clock start); null when unscheduled or unknown while paused. */
  at: Date | null;
  reached: boolean;
  /** Roles this level notifies, without its on-request roles. */
  notify: readonly string[];
  onRequest: readonly string[];
}

/** Which rule set `nextUpdateDueAt`. */
export type UpdateRule = 'response' | 'every' | 'afterWorkaround';

/** Why the current clock started when it did. */
export type ClockStartReason = 'created' | 'raised' | 'set';

/** The earliest deadline still ahead of `now`, for alarms and countdowns. */
export interface UpcomingDeadline {
  kind: 'level' | 'response' | 'update';
  at: Date;
  /** When the severity's warnBefore window for this deadline opens (may be before now). */
  warnAt: Date | null;
}

export interface Evaluation {
  ticketId: string;
  severity: Severity | null;
  state: EvaluationState;
  clockStart: Date | null;
  /** 1..5; 0 when the severity is unknown. */
  level: number;
  levelId: string;
  nextLevel: NextLevel | null;
  responseDueAt: Date | null;
  respondedAt: Date | null;
  /** null while paused. */
  nextUpdateDueAt: Date | null;
  /** Role ids due so far, cumulative, without on-request roles. */
  notify: string[];
  /** notify minus acknowledged. */
  pending: string[];
  explanation: string[];

  // Additions beyond the SPEC §3 contract, for the UI and alarms.
  /** The office whose calendar counted business time (the policy default when the ticket has none). */
  officeId: string;
  /** IANA zone of that office; explanation times are in it. */
  timeZone: string;
  /** Status now, as read from the history. */
  status: Status;
  clockStartReason: ClockStartReason | null;
  /** The severity before the raise that restarted the clock. */
  raisedFrom: Severity | null;
  /** Time counted on the current clock up to now, pauses excluded, in `countedKind` time. */
  countedMs: number;
  /** 'wall' when the severity's targets are minutes/hours, 'business' for business units. */
  countedKind: 'wall' | 'business' | null;
  /** Start of the pause in progress (waiting or solved), null when the clocks run. */
  pausedSince: Date | null;
  /** Every level of the policy, in order, with when it starts on the current clock. */
  levels: LevelTimelineEntry[];
  /** On-request roles of the levels reached: shown, never nagging. */
  onRequest: string[];
  /** When a workaround was given (at or before now), else null. */
  workaroundAt: Date | null;
  /** The latest public agent reply at or before now. */
  lastReplyAt: Date | null;
  /** The rule behind nextUpdateDueAt, null when there is none. */
  updateRule: UpdateRule | null;
  /** The earliest deadline after now among next level, response and next update. */
  nextDeadline: UpcomingDeadline | null;
  /** Same as nextDeadline.warnAt. */
  warnAt: Date | null;
  /** Set when the ticket's organisation is one of the policy's hot accounts: Sev 1 since creation (SPEC §1). */
  hotAccount?: true;
}
