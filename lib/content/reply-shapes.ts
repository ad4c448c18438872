import type { NativeSlaTarget } from '../helpdesks/contract';
import {
  readPageRowView,
  readPageTicketView,
  type AckNoteMode,
  type EpochMs,
  type PageEscalationMessage,
  type PageRowView,
  type PageTicketView,
} from '../messages/page-view';
import type { RowBadgeView, TicketView } from '../view-model/rendered-view';

/**
 * The page's side of the background's answers: checked with the one reader of each shape
 * (lib/messages/page-view.ts; pages do not bundle zod), then instants turned into Dates for the
 * components. A reply of the wrong shape means the two halves of the extension disagree: the
 * error names the path, and the page shows nothing rather than something wrong.
 */

export {
  ReadError as ReplyShapeError,
  fields,
  flag,
  listOf,
  nullable,
  number,
  object,
  oneOf,
  text,
} from '../messages/read';

const date = (at: EpochMs): Date => new Date(at);
const dateOrNull = (at: EpochMs | null): Date | null => (at === null ? null : new Date(at));

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

export function readTicketView(value: unknown, path = 'view'): ReceivedView {
  return receivedView(readPageTicketView(value, path));
}

/** A view already read (its shape checked) as the page keeps it: instants as Dates, messages by role. */
export function receivedView(wire: PageTicketView): ReceivedView {
  const { people, nativeSla, refreshAt, ackNoteMode, ...rest } = wire;
  return {
    view: {
      ...rest,
      openedAt: date(wire.openedAt),
      nextLevel: wire.nextLevel ? { ...wire.nextLevel, at: dateOrNull(wire.nextLevel.at) } : null,
      nextUpdateDueAt: dateOrNull(wire.nextUpdateDueAt),
      responseDueAt: dateOrNull(wire.responseDueAt),
      respondedAt: dateOrNull(wire.respondedAt),
      clockStart: dateOrNull(wire.clockStart),
      pausedSince: dateOrNull(wire.pausedSince),
      timeline: wire.timeline.map((step) => ({ ...step, at: dateOrNull(step.at) })),
      people: people.map(({ message: _message, ...shown }) => shown),
    },
    native: nativeSla?.map((target) => ({ ...target, breachAt: dateOrNull(target.breachAt) })) ?? null,
    messages: new Map(people.map((entry) => [entry.roleId, entry.message])),
    refreshAt: dateOrNull(refreshAt),
    ackNoteMode,
  };
}

/** A list row's badge, with when to read the row again. */
export interface ReceivedRow extends RowBadgeView {
  id: string;
  refreshAt: Date | null;
}

export function readRow(value: unknown, path: string): ReceivedRow {
  return receivedRow(readPageRowView(value, path));
}

export function receivedRow({ id, state, deadlineAt, refreshAt, unavailable }: PageRowView): ReceivedRow {
  return { id, state, nextDeadlineAt: dateOrNull(deadlineAt), refreshAt: dateOrNull(refreshAt), unavailable };
}
