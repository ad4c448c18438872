import type { EvaluationState, HelpdeskSystem, Severity } from '../engine/types';

/**
 * What the background answers a helpdesk page: a ticket already evaluated and resolved to the
 * names and instants the in-page UI shows, so the page renders it and judges nothing (it carries
 * no engine). Types only: the page checks replies by hand (lib/content/reply-shapes.ts), the
 * router with page-view-schema.ts. Instants are epoch milliseconds.
 */

export type EpochMs = number;

export type AckNoteMode = 'off' | 'ask' | 'always';

export interface PageTimelineStep {
  level: number;
  id: string;
  name: string;
  /** null when the level is not scheduled for this severity, or unknown while paused. */
  at: EpochMs | null;
  phase: 'reached' | 'next' | 'later';
  scheduled: boolean;
  /** Names of the roles this level notifies. */
  notifyNames: string[];
}

/** The text telling one role about the ticket (copy message / email), composed when the view was. */
export interface PageEscalationMessage {
  subject: string;
  body: string;
  mailto: string;
}

export interface PagePerson {
  roleId: string;
  name: string;
  /** The level that brought this role in. */
  level: number;
  /** Due and not acknowledged yet (locally or by a note on the ticket). */
  pending: boolean;
  /** Shown, never nagging. */
  onRequest: boolean;
  message: PageEscalationMessage;
}

/** A target the helpdesk computes itself (Zendesk SLA policy, JSM SLA); the page compares it with ours. */
export interface PageNativeSlaTarget {
  name: string;
  breachAt: EpochMs | null;
  paused: boolean;
  breached: boolean;
}

export interface PageTicketView {
  system: HelpdeskSystem;
  ticketId: string;
  url: string;
  title: string;
  openedAt: EpochMs;
  state: EvaluationState;
  severity: Severity | null;
  severityName: string | null;
  level: number;
  levelName: string;
  /** Names of the roles the current level notifies ("Sales Rep"). */
  levelRoleNames: string[];
  nextLevel: { level: number; name: string; at: EpochMs | null } | null;
  nextUpdateDueAt: EpochMs | null;
  responseDueAt: EpochMs | null;
  respondedAt: EpochMs | null;
  clockStart: EpochMs | null;
  pausedSince: EpochMs | null;
  explanation: string[];
  timeline: PageTimelineStep[];
  people: PagePerson[];
  /** From the read this view was made of; null when the background had no fresh read (a view asked again). */
  nativeSla: PageNativeSlaTarget[] | null;
  /** 'dom': read from the page because the API failed; no history behind it. */
  source: 'api' | 'dom';
  officeName: string;
  officeTimeZone: string;
  /** The next instant the state can change without new data (a deadline or a warning): ask again then. */
  refreshAt: EpochMs | null;
  /** Whether "mark notified" also writes a note on the ticket ('off' for page reads, which have no history to read it back). */
  ackNoteMode: AckNoteMode;
}

/** A list row's badge: the state and the deadline it counts to (the one missed when overdue). */
export interface PageRowView {
  id: string;
  state: EvaluationState;
  deadlineAt: EpochMs | null;
  /** The next instant the state can change without new data: the row is read again then. */
  refreshAt: EpochMs | null;
}

/** A list batch that could not all be read: which reads (by position) and why. */
export interface PageRowProblem {
  index: number;
  error: string;
}
