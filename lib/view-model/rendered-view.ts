import type { EvaluationState, HelpdeskSystem, Severity } from '../engine/types';
import type { Holder } from './people';
import type { UnavailableReason, ViewState } from './state';

/**
 * What the in-page components render: the background's view (ticket-view.ts, sent as
 * lib/messages/page-view.ts) as the page reads it (lib/content/reply-shapes.ts), instants as
 * Dates. Components only render it.
 */

/** A view row's badge: the state colour and word, and the time to its deadline. */
export interface RowBadgeView {
  state: ViewState;
  /** The next deadline of any kind (level, response, update), the missed one when overdue; null when none runs. */
  nextDeadlineAt: Date | null;
  /** Why the history is unavailable (state 'unavailable'): the badge says it in its tooltip. */
  unavailable: UnavailableReason | null;
}

export type TimelinePhase = 'reached' | 'next' | 'later';

export interface TimelineStep {
  level: number;
  id: string;
  name: string;
  /** null when the level is not scheduled for this severity, or unknown while paused. */
  at: Date | null;
  phase: TimelinePhase;
  scheduled: boolean;
  /** Names of the roles this level notifies. */
  notifyNames: string[];
}

export interface PersonToNotify {
  roleId: string;
  /** The policy's name for the role. */
  name: string;
  /** Who holds the role for this ticket; empty: nobody in the directory. */
  holders: Holder[];
  /** The level that brought this role in. */
  level: number;
  /** Due and not acknowledged yet (locally or by a note on the ticket). */
  pending: boolean;
  /** Shown, never nagging. */
  onRequest: boolean;
  /** Added by an acknowledgement timeout (the on-duty Escalation Director): the level and its minutes. */
  addedByTimeout?: { level: number; minutes: number } | null;
}

/** The helpdesk's own SLA target beside ours. */
export interface NativeSlaComparison {
  name: string;
  theirs: Date | null;
  ours: Date | null;
  /** theirs - ours; null when either side has no instant. */
  driftMs: number | null;
  /** |drift| over a minute. */
  drifting: boolean;
  paused: boolean;
  breached: boolean;
}

export interface TicketView {
  system: HelpdeskSystem;
  ticketId: string;
  url: string;
  title: string;
  openedAt: Date;
  state: EvaluationState;
  severity: Severity | null;
  severityName: string | null;
  /** The customer is one of the policy's hot accounts: Sev 1 since creation (SPEC §1). */
  hotAccount: boolean;
  level: number;
  levelName: string;
  /** Names of the roles the current level notifies ("Sales Rep"). */
  levelRoleNames: string[];
  nextLevel: { level: number; name: string; at: Date | null } | null;
  nextUpdateDueAt: Date | null;
  responseDueAt: Date | null;
  respondedAt: Date | null;
  clockStart: Date | null;
  pausedSince: Date | null;
  explanation: string[];
  /** Levels notified again after their acknowledgement timeout (issue 15 item 6). */
  ackTimeouts: Array<{ level: number; minutes: number; directorAdded: boolean }>;
  timeline: TimelineStep[];
  people: PersonToNotify[];
  nativeSla: NativeSlaComparison[];
  /** 'dom': read from the page because the API failed; no history behind it. */
  source: 'api' | 'dom';
  /** What that page read could not read: unknown, not absent (issue 13). */
  unread: Array<'createdAt' | 'severity'>;
  officeName: string;
  officeTimeZone: string;
}

/** The "mark notified" setting of issue 8. */
export type AckNoteSetting = 'off' | 'ask' | 'always';

export interface AcknowledgeOutcome {
  /** What happened to the note on the ticket; the local acknowledgement always stands. */
  note: 'written' | 'failed' | 'skipped';
}

/** What the panel's buttons do; supplied by the content runtime. */
export interface TicketPanelActions {
  acknowledge(roleId: string, writeNote: boolean): Promise<AcknowledgeOutcome>;
  copyText(text: string): Promise<boolean>;
  /** The options page at People: for a role the directory has nobody for. */
  openPeopleOptions(): void;
  /** The message telling this role: ticket link, severity, level, time open, what is needed. */
  message(roleId: string): { subject: string; body: string; mailto: string };
  /** The panel was opened: a moment to bring its times and messages up to date. */
  opened?(): void;
}
