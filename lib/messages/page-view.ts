import type { HelpdeskSystem, Severity } from '../engine/types';
import { fields, flag, integer, listOf, nullable, object, oneOf, ReadError, text, type Infer, type Read } from './read';

/**
 * What the background answers a helpdesk page: a ticket already evaluated and resolved to the
 * names, people and instants the in-page UI shows (built by lib/view-model), so the page renders
 * it and judges nothing (it carries no engine and no zod). Each shape is written once, as a
 * reader; its type is derived from it; the router checks answers with the same readers
 * (page-view-schema.ts). Instants are epoch milliseconds.
 */

export type EpochMs = number;

const epochMs: Read<EpochMs> = integer;
const when = nullable(epochMs);
const strings = listOf(text);

export const ackNoteModes = ['off', 'ask', 'always'] as const;
export type AckNoteMode = (typeof ackNoteModes)[number];

/** Every state a page can show; 'checking' only on a row whose history is not known yet, 'unavailable' on one the helpdesk will not give. */
const viewState = oneOf(['unknown', 'stopped', 'paused', 'overdue', 'notify', 'warning', 'ok', 'checking', 'unavailable'] as const);
/** lib/view-model/state.ts UNAVAILABLE_REASONS (written out: pages do not import the view model). */
const unavailableReason = oneOf(['notFound', 'forbidden', 'notReturned', 'unreadable'] as const);
const evaluationState = oneOf(['unknown', 'stopped', 'paused', 'overdue', 'notify', 'warning', 'ok'] as const);

const readTimelineStep = fields({
  level: integer,
  id: text,
  name: text,
  /** null when the level is not scheduled for this severity, or unknown while paused. */
  at: when,
  phase: oneOf(['reached', 'next', 'later'] as const),
  scheduled: flag,
  /** Names of the roles this level notifies. */
  notifyNames: strings,
});
export type PageTimelineStep = Infer<typeof readTimelineStep>;

/** The text telling one role about the ticket (copy message / email), composed when the view was. */
const readEscalationMessage = fields({ subject: text, body: text, mailto: text });
export type PageEscalationMessage = Infer<typeof readEscalationMessage>;

/** One holder of a role for this ticket, from the directory. */
const readHolder = fields({ name: text, email: nullable(text) });

const readPerson = fields({
  roleId: text,
  /** The policy's name for the role. */
  name: text,
  /** Who holds the role for this ticket; empty: the directory has nobody for it. */
  holders: listOf(readHolder),
  /** The level that brought this role in. */
  level: integer,
  /** Due and not acknowledged yet (locally or by a note on the ticket). */
  pending: flag,
  /** Shown, never nagging. */
  onRequest: flag,
  /** Added by an acknowledgement timeout (the on-duty Escalation Director): the level and its minutes; null otherwise. */
  addedByTimeout: nullable(fields({ level: integer, minutes: integer })),
  message: readEscalationMessage,
});
export type PagePerson = Infer<typeof readPerson>;

/** A target the helpdesk computes itself (Zendesk SLA policy, JSM SLA); the page compares it with ours. */
const readNativeTarget = fields({ name: text, breachAt: when, paused: flag, breached: flag });
export type PageNativeSlaTarget = Infer<typeof readNativeTarget>;

const nonEmpty: Read<string> = (value, path) => {
  const read = text(value, path);
  if (read === '') throw new ReadError(`${path}: expected a non-empty string`);
  return read;
};

export const readPageTicketView = fields({
  system: oneOf<HelpdeskSystem>(['zendesk', 'jira']),
  ticketId: nonEmpty,
  url: text,
  title: text,
  openedAt: epochMs,
  state: evaluationState,
  severity: nullable(oneOf<Severity>([1, 2, 3, 4])),
  severityName: nullable(text),
  /** The customer is one of the policy's hot accounts: Sev 1 since creation (SPEC §1). */
  hotAccount: flag,
  level: integer,
  levelName: text,
  /** Names of the roles the current level notifies ("Sales Rep"). */
  levelRoleNames: strings,
  nextLevel: nullable(fields({ level: integer, name: text, at: when })),
  nextUpdateDueAt: when,
  responseDueAt: when,
  respondedAt: when,
  clockStart: when,
  pausedSince: when,
  explanation: strings,
  /**
   * Levels whose roles were still not acknowledged `minutes` after the level started: notified
   * again, with the on-duty Escalation Director added unless the director is the role (issue 15 item 6).
   */
  ackTimeouts: listOf(fields({ level: integer, minutes: integer, directorAdded: flag })),
  timeline: listOf(readTimelineStep),
  people: listOf(readPerson),
  /** From the read this view was made of; null when the background had no fresh read (a view asked again). */
  nativeSla: nullable(listOf(readNativeTarget)),
  /** 'dom': read from the page because the API failed; no history behind it. */
  source: oneOf(['api', 'dom'] as const),
  /** What that page read could not read (its creation time, its severity): unknown, and said so on the badge. */
  unread: listOf(oneOf(['createdAt', 'severity'] as const)),
  officeName: text,
  officeTimeZone: text,
  /** The next instant the state can change without new data (a deadline or a warning): ask again then. */
  refreshAt: when,
  /** Whether "mark notified" also writes a note on the ticket ('off' for page reads, which have no history to read it back). */
  ackNoteMode: oneOf(ackNoteModes),
});
export type PageTicketView = Infer<typeof readPageTicketView>;

/** A view row's badge: the state and the deadline it counts to (the one missed when overdue). */
export const readPageRowView = fields({
  id: nonEmpty,
  state: viewState,
  deadlineAt: when,
  /** The next instant the state can change without new data: the row is read again then. */
  refreshAt: when,
  /** Why the row's history is unavailable (state 'unavailable'), else null. */
  unavailable: nullable(unavailableReason),
});
export type PageRowView = Infer<typeof readPageRowView>;

/** A list batch that could not all be read: which reads (by position) and why. */
export const readPageRowProblem = fields({ index: integer, error: text });
export type PageRowProblem = Infer<typeof readPageRowProblem>;

/**
 * The background's answers to a page's messages, each written once here: the page reads them
 * with these readers, the router checks them with the same (responses.ts).
 */
export function readTicketSeenAnswer(value: unknown, path: string): { key: string; view?: PageTicketView } {
  const answer = object(value, path);
  const key = text(answer.key, `${path}.key`);
  return answer.view === undefined ? { key } : { key, view: readPageTicketView(answer.view, `${path}.view`) };
}

const readIngestView = fields({ kind: oneOf(['view'] as const), key: text, view: readPageTicketView });
const readIngestMalformed = fields({ kind: oneOf(['malformed'] as const), error: text });
/** A body that does not parse is answered as data (the page shows "can't read"), not as a failure. */
export function readIngestAnswer(value: unknown, path: string): Infer<typeof readIngestView> | Infer<typeof readIngestMalformed> {
  return object(value, path).kind === 'malformed' ? readIngestMalformed(value, path) : readIngestView(value, path);
}

export const readIngestManyAnswer = fields({ rows: listOf(readPageRowView), problems: listOf(readPageRowProblem) });
export const readViewAnswer = fields({ view: nullable(readPageTicketView) });
/** The page's field mapping (validated by the background with the helpdesk's schema) and the note setting. */
export const readPageConfigAnswer = fields({ mapping: object, ackNoteMode: oneOf(ackNoteModes) });
export const readOptionsOpenAnswer = fields({ tabId: integer });

const readAcknowledgement = fields({
  at: (value: unknown, path: string) => {
    const at = text(value, path);
    if (Number.isNaN(Date.parse(at))) throw new ReadError(`${path}: expected an ISO date-time`);
    return at;
  },
  /** 'ticket': also recorded as a note on the ticket (issue 8); 'local': this browser only. */
  by: oneOf(['local', 'ticket'] as const),
});

/** "Mark notified": the acknowledgement stored, and why the note could not be written on the ticket (then it is local only). */
export function readAcknowledgeAnswer(value: unknown, path: string): { acknowledgement: Infer<typeof readAcknowledgement>; recordError?: string } {
  const answer = object(value, path);
  const acknowledgement = readAcknowledgement(answer.acknowledgement, `${path}.acknowledgement`);
  return answer.recordError === undefined ? { acknowledgement } : { acknowledgement, recordError: text(answer.recordError, `${path}.recordError`) };
}
