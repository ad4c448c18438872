import type { RowBadgeView } from '../../components/ticket/RowBadge';
import type { PersonToNotify, TicketView, TimelineStep } from '../../components/ticket/ticket-view';
import type { EvaluationState, Severity } from '../engine/types';
import type { NativeSlaTarget } from '../helpdesks/contract';
import type { AckNoteMode, PageEscalationMessage } from '../messages/page-view';

/**
 * Hand-written checks of what the extension's own background answers a page (the background
 * validates everything with zod; pages do not bundle it). A reply of the wrong shape means the
 * two halves of the extension disagree: the error names the path, and the page shows nothing
 * rather than something wrong. Instants arrive as epoch milliseconds and leave as Dates.
 */

export class ReplyShapeError extends Error {
  override name = 'ReplyShapeError';
}

type Read<T> = (value: unknown, path: string) => T;

function fail(path: string, expected: string): never {
  throw new ReplyShapeError(`${path}: expected ${expected}`);
}

export const object: Read<Record<string, unknown>> = (value, path) =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : fail(path, 'an object');
export const text: Read<string> = (value, path) => (typeof value === 'string' ? value : fail(path, 'a string'));
export const number: Read<number> = (value, path) => (typeof value === 'number' && Number.isFinite(value) ? value : fail(path, 'a number'));
export const flag: Read<boolean> = (value, path) => (typeof value === 'boolean' ? value : fail(path, 'true or false'));
const instant: Read<Date> = (value, path) => new Date(number(value, path));

export function nullable<T>(read: Read<T>): Read<T | null> {
  return (value, path) => (value === null ? null : read(value, path));
}

export function listOf<T>(read: Read<T>): Read<T[]> {
  return (value, path) => (Array.isArray(value) ? value.map((item, index) => read(item, `${path}[${index}]`)) : fail(path, 'a list'));
}

export function oneOf<T extends string | number>(options: readonly T[]): Read<T> {
  return (value, path) => (options.includes(value as T) ? (value as T) : fail(path, `one of ${options.join(', ')}`));
}

/** Reads each named field of an object with its reader. */
export function fields<T>(readers: { [K in keyof T]: Read<T[K]> }): Read<T> {
  return (value, path) => {
    const source = object(value, path);
    const out = {} as T;
    for (const key of Object.keys(readers) as Array<keyof T & string>) out[key] = readers[key](source[key], `${path}.${key}`);
    return out;
  };
}

const STATES: readonly EvaluationState[] = ['unknown', 'stopped', 'paused', 'overdue', 'notify', 'warning', 'ok'];
const state = oneOf(STATES);
const strings = listOf(text);
const when = nullable(instant);

const timelineStep = fields<TimelineStep>({
  level: number,
  id: text,
  name: text,
  at: when,
  phase: oneOf(['reached', 'next', 'later'] as const),
  scheduled: flag,
  notifyNames: strings,
});

const escalationMessage = fields<PageEscalationMessage>({ subject: text, body: text, mailto: text });

const person = fields<PersonToNotify & { message: PageEscalationMessage }>({
  roleId: text,
  name: text,
  level: number,
  pending: flag,
  onRequest: flag,
  message: escalationMessage,
});

const nativeTarget = fields<NativeSlaTarget>({ name: text, breachAt: when, paused: flag, breached: flag });

/** A ticket view as the page keeps it: what the badge and panel render, and what comes with it. */
export interface ReceivedView {
  /** nativeSla is compared with our deadlines in the page (native-sla-drift.ts). */
  view: Omit<TicketView, 'nativeSla'>;
  /** From the read the view was made of; null when the background had none (a view asked again). */
  native: NativeSlaTarget[] | null;
  /** roleId → the copy-message / email text. */
  messages: ReadonlyMap<string, PageEscalationMessage>;
  /** Ask the background again then: the state can change without new data. */
  refreshAt: Date | null;
  ackNoteMode: AckNoteMode;
}

const ticketViewFields = fields({
  system: oneOf(['zendesk', 'jira'] as const),
  ticketId: text,
  url: text,
  title: text,
  openedAt: instant,
  state,
  severity: nullable(oneOf<Severity>([1, 2, 3, 4])),
  severityName: nullable(text),
  level: number,
  levelName: text,
  levelRoleNames: strings,
  nextLevel: nullable(fields({ level: number, name: text, at: when })),
  nextUpdateDueAt: when,
  responseDueAt: when,
  respondedAt: when,
  clockStart: when,
  pausedSince: when,
  explanation: strings,
  timeline: listOf(timelineStep),
  people: listOf(person),
  nativeSla: nullable(listOf(nativeTarget)),
  source: oneOf(['api', 'dom'] as const),
  officeName: text,
  officeTimeZone: text,
  refreshAt: when,
  ackNoteMode: oneOf(['off', 'ask', 'always'] as const),
});

export function readTicketView(value: unknown, path = 'view'): ReceivedView {
  const { people, nativeSla, refreshAt, ackNoteMode, ...view } = ticketViewFields(value, path);
  return {
    view: { ...view, people: people.map(({ message: _message, ...shown }) => shown) },
    native: nativeSla,
    messages: new Map(people.map((entry) => [entry.roleId, entry.message])),
    refreshAt,
    ackNoteMode,
  };
}

/** A list row's badge, with when to read the row again. */
export interface ReceivedRow extends RowBadgeView {
  id: string;
  refreshAt: Date | null;
}

const rowFields = fields({ id: text, state, deadlineAt: when, refreshAt: when });

export function readRow(value: unknown, path: string): ReceivedRow {
  const { deadlineAt, ...row } = rowFields(value, path);
  return { ...row, nextDeadlineAt: deadlineAt };
}
