import type { HelpdeskSystem, Severity } from '../engine/types';
import { fields, flag, integer, listOf, nullable, oneOf, text, type Infer, type Read } from './read';

/**
 * The background's answer to 'forecast:get' (issue 15 items 2–4): the forecast of every watched
 * ticket over a window, already resolved to offices, names and the people to tell, each office's
 * strip of business hours and days, and each office's follow-the-sun handoff with its text to copy.
 * The popup and the forecast page render it; they compute nothing. Written once as a reader,
 * its type derived (the router wraps it for zod). Instants are epoch milliseconds.
 */

const epochMs: Read<number> = integer;
const strings = listOf(text);
const holder = fields({ name: text, email: nullable(text) });
const roleToTell = fields({ roleId: text, roleName: text, holders: listOf(holder) });

export const readForecastItem = fields({
  /** The event's calendar UID (stable across files: system, ticket, kind, level). */
  uid: text,
  /** The watched store's key of the ticket (`system:id@origin`). */
  ticketKey: text,
  system: oneOf<HelpdeskSystem>(['zendesk', 'jira']),
  ticketId: text,
  title: text,
  url: text,
  at: epochMs,
  kind: oneOf(['level', 'response', 'update'] as const),
  level: nullable(integer),
  levelId: nullable(text),
  levelName: nullable(text),
  severity: nullable(oneOf<Severity>([1, 2, 3, 4])),
  officeId: text,
  /** Role ids the event brings in, still to tell (levels only). */
  notify: strings,
  /** Who holds each of them for this ticket at that instant; holders empty: nobody in the directory. */
  toTell: listOf(roleToTell),
});
export type ForecastItem = Infer<typeof readForecastItem>;

const readStripDay = fields({ date: text, kind: oneOf(['workday', 'closed', 'holiday', 'makeup'] as const), from: epochMs, to: epochMs });
export const readOfficeStrip = fields({
  officeId: text,
  name: text,
  timeZone: text,
  days: listOf(readStripDay),
  /** Business hours inside the window, [from, to). */
  open: listOf(fields({ from: epochMs, to: epochMs })),
});
export type OfficeStripView = Infer<typeof readOfficeStrip>;

const readHandoffDue = fields({
  /** The event: its index in the answer's `events` followed by its `later` (each item is sent once). */
  event: integer,
  /** Offices open when it falls due (the ticket's own office included when it is). */
  openOfficeIds: strings,
  /** When none is open: the first to open after it. */
  nextOpening: nullable(fields({ officeId: text, at: epochMs })),
});
export type HandoffDueView = Infer<typeof readHandoffDue>;

export const readHandoffView = fields({
  officeId: text,
  officeName: text,
  /** The office's local date of the business day whose close this is about. */
  date: text,
  closesAt: epochMs,
  reopensAt: nullable(epochMs),
  openNow: flag,
  tickets: listOf(fields({ ticketKey: text, system: oneOf<HelpdeskSystem>(['zendesk', 'jira']), ticketId: text, title: text, url: text, nextDueAt: epochMs, due: listOf(readHandoffDue) })),
  /** The summary as plain text for the team chat, in the UI language. */
  text: text,
});
export type HandoffView = Infer<typeof readHandoffView>;

export const readForecastAnswer = fields({
  now: epochMs,
  until: epochMs,
  /** The engineer's office from the settings, when the policy has it; null: every office. */
  myOffice: nullable(text),
  offices: listOf(readOfficeStrip),
  /** The window's events, sorted by instant (SPEC §3 order). */
  events: listOf(readForecastItem),
  /** Events after the window that a handoff names (an office reopening days later); sorted likewise. */
  later: listOf(readForecastItem),
  handoffs: listOf(readHandoffView),
  /** The next instant the answer changes without new data (the first event passing): ask again then. */
  refreshAt: nullable(epochMs),
});
export type ForecastAnswer = Infer<typeof readForecastAnswer>;

/** The item a handoff's due entry names (see `event` above); throws on an index the answer does not have. */
export function handoffItem(answer: Pick<ForecastAnswer, 'events' | 'later'>, index: number): ForecastItem {
  const item = index < answer.events.length ? answer.events[index] : answer.later[index - answer.events.length];
  if (!item) throw new RangeError(`forecast answer: no event ${index}`);
  return item;
}
