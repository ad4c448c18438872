import type { Ticket } from '../engine/types';
import { eventUid } from '../forecast/ics';
import { forecast, type ForecastEvent } from '../forecast/forecast';
import { handoffFor, handoffHorizon } from '../forecast/handoff';
import { officeStrip } from '../forecast/office-day';
import { handoffItem, type ForecastAnswer, type ForecastItem, type HandoffView } from '../messages/forecast-view';
import type { Directory } from '../people';
import type { Policy } from '../policy/schema';
import { rolesToTell } from './people';
import type { ViewWords } from './words';

/**
 * The forecast view (issue 15 items 2–4) from the watched tickets: the forecast over the window,
 * resolved to names and the people to tell, each office's strip, and each office's handoff with
 * its text for the team chat. Pure: what it needs comes in; the background calls it.
 */

export interface ForecastTicket {
  /** The watched store's key, `system:id@origin`. */
  key: string;
  ticket: Ticket;
  acknowledged: readonly string[];
  organization: string | null;
}

export interface ForecastViewInput {
  tickets: readonly ForecastTicket[];
  policy: Policy;
  directory: Directory;
  now: Date;
  /** The window's length in hours (the popup's "Next 24 h"; longer for one ticket's calendar). */
  hours: number;
  /** The engineer's office from the settings (ignored when the policy has no such office). */
  myOffice: string | null;
  /** Only this ticket's events (its store key); strips and handoffs are left empty. */
  onlyTicket?: string;
  words: ViewWords;
}

const HOUR_MS = 3_600_000;

export function forecastView(input: ForecastViewInput): ForecastAnswer {
  const { policy, now, words } = input;
  const nowMs = now.getTime();
  const untilMs = nowMs + input.hours * HOUR_MS;
  const officeIds = Object.keys(policy.offices);
  const myOffice = input.myOffice !== null && Object.hasOwn(policy.offices, input.myOffice) ? input.myOffice : null;
  const tickets = input.onlyTicket === undefined ? input.tickets : input.tickets.filter((t) => t.key === input.onlyTicket);
  const withHandoffs = input.onlyTicket === undefined;
  // The handoffs look as far as each office's reopening (a holiday week reaches days ahead).
  const horizon = withHandoffs ? handoffHorizon(policy, officeIds, now, new Date(untilMs)) : new Date(untilMs);
  const acknowledged = Object.fromEntries(tickets.map((t) => [t.key, t.acknowledged]));
  const events = forecast(
    tickets.map((t) => t.ticket),
    policy,
    now,
    horizon,
    acknowledged,
  );
  const identity = (system: string, id: string, url: string) => `${system}\u0000${id}\u0000${url}`;
  const sources = new Map(tickets.map((t) => [identity(t.ticket.system, t.ticket.id, t.ticket.url), t]));
  const ticketFor = (event: ForecastEvent) => sources.get(identity(event.system, event.ticketId, event.url));
  const itemOf = (event: ForecastEvent): ForecastItem => {
    const source = ticketFor(event);
    const people = { policy, directory: input.directory, now: event.at, organization: source?.organization ?? null };
    return {
      uid: eventUid(event),
      ticketKey: source?.key ?? `${event.system}:${event.ticketId}`,
      system: event.system,
      ticketId: event.ticketId,
      title: event.title,
      url: event.url,
      at: event.at.getTime(),
      kind: event.kind,
      level: event.level ?? null,
      levelId: event.levelId ?? null,
      levelName: event.levelName ?? null,
      severity: event.severity ?? null,
      officeId: event.officeId,
      notify: event.notify,
      toTell: rolesToTell(people, { officeId: event.officeId }, event.notify),
    };
  };
  const inWindow = events.filter((event) => event.at.getTime() <= untilMs);
  const later = events.filter((event) => event.at.getTime() > untilMs);
  // Each event is sent once: handoffs name them by index into events, then later.
  const indexOf = new Map([...inWindow, ...later].map((event, index) => [event, index]));
  const items = new Map(events.map((event) => [event, itemOf(event)]));
  const listed = { events: inWindow.map((event) => items.get(event)!), later: later.map((event) => items.get(event)!) };
  const handoffs: HandoffView[] = [];
  if (withHandoffs) {
    for (const officeId of officeIds) {
      const handoff = handoffFor(policy, officeId, events, now);
      if (!handoff) continue;
      const view: Omit<HandoffView, 'text'> = {
        officeId,
        officeName: policy.offices[officeId]?.name ?? officeId,
        date: handoff.date,
        closesAt: handoff.closesAt.getTime(),
        reopensAt: handoff.reopensAt?.getTime() ?? null,
        openNow: handoff.openNow,
        tickets: handoff.tickets.map((ticket) => ({
          ticketKey: items.get(ticket.due[0]!.event)!.ticketKey,
          system: ticket.system,
          ticketId: ticket.ticketId,
          title: ticket.title,
          url: ticket.url,
          nextDueAt: ticket.nextDueAt.getTime(),
          due: ticket.due.map(({ event, coverage }) => ({
            event: indexOf.get(event)!,
            openOfficeIds: coverage.openOfficeIds,
            nextOpening: coverage.nextOpening ? { officeId: coverage.nextOpening.officeId, at: coverage.nextOpening.at.getTime() } : null,
          })),
        })),
      };
      handoffs.push({ ...view, text: handoffText(view, listed, policy, words) });
    }
  }
  return {
    now: nowMs,
    until: untilMs,
    myOffice,
    offices: withHandoffs
      ? officeIds.map((id) => {
          const strip = officeStrip(policy, id, nowMs, untilMs);
          return {
            officeId: strip.officeId,
            name: strip.name,
            timeZone: strip.timeZone,
            days: strip.days.map((day) => ({ date: day.date, kind: day.kind, from: day.fromMs, to: day.toMs })),
            open: strip.open.map(([from, to]) => ({ from, to })),
          };
        })
      : [],
    ...listed,
    handoffs,
    refreshAt: events[0]?.at.getTime() ?? null,
  };
}

const officeName = (policy: Policy, id: string) => (Object.hasOwn(policy.offices, id) ? policy.offices[id]?.name : undefined) ?? id;

/** "#35436" for Zendesk, the key for Jira (as every other surface labels tickets). */
export const forecastTicketLabel = (item: Pick<ForecastItem, 'system' | 'ticketId'>): string =>
  item.system === 'zendesk' ? `#${item.ticketId}` : item.ticketId;

/** What falls due, in words: "Level 3 (Level 3 support)", "Response due", "Customer update due". */
export function forecastWhat(item: Pick<ForecastItem, 'kind' | 'level' | 'levelName'>, words: Pick<ViewWords, 't'>): string {
  if (item.kind === 'response') return words.t('forecastKindResponse');
  if (item.kind === 'update') return words.t('forecastKindUpdate');
  return words.t('forecastKindLevel', [String(item.level ?? '?'), item.levelName ?? '']);
}

/** "tell Sales Rep (Jane Doe)" per role; the directory's gap said plainly. */
export function forecastWhom(item: Pick<ForecastItem, 'toTell'>, words: Pick<ViewWords, 't'>): string {
  return item.toTell
    .map((role) =>
      role.holders.length > 0
        ? words.t('forecastTellRole', [role.roleName, role.holders.map((h) => h.name).join(', ')])
        : words.t('forecastNobodyForRole', role.roleName),
    )
    .join('; ');
}

/** The handoff as plain text for the team chat, times in the handing-over office's own zone. */
export function handoffText(
  handoff: Omit<HandoffView, 'text'>,
  answer: Pick<ForecastAnswer, 'events' | 'later'>,
  policy: Policy,
  words: ViewWords,
): string {
  const zone = policy.offices[handoff.officeId]?.timeZone ?? 'UTC';
  const when = (ms: number) => words.formatInstant(new Date(ms), zone);
  const lines = [
    handoff.reopensAt === null
      ? words.t('forecastHandoffHeadingNoReopen', [handoff.officeName, when(handoff.closesAt)])
      : words.t('forecastHandoffHeading', [handoff.officeName, when(handoff.closesAt), when(handoff.reopensAt)]),
  ];
  if (handoff.tickets.length === 0) lines.push(words.t('forecastHandoffNothing', handoff.officeName));
  for (const ticket of handoff.tickets) {
    lines.push('', `${forecastTicketLabel({ system: ticket.system, ticketId: ticket.ticketId })} ${ticket.title}`, ticket.url);
    for (const due of ticket.due) {
      const item = handoffItem(answer, due.event);
      const cover =
        due.openOfficeIds.length > 0
          ? words.t('forecastOpenThen', due.openOfficeIds.map((id) => officeName(policy, id)).join(', '))
          : due.nextOpening
            ? words.t('forecastNobodyOpen', [officeName(policy, due.nextOpening.officeId), when(due.nextOpening.at)])
            : words.t('forecastNobodyOpenEver');
      const whom = forecastWhom(item, words);
      lines.push(`  • ${when(item.at)} ${forecastWhat(item, words)}${whom ? ` — ${whom}` : ''} — ${cover}`);
    }
  }
  return lines.join('\n');
}

/** The SPEC §3 event back from an item of the answer (for toICS in the UI). */
export function forecastEventOf(item: ForecastItem): ForecastEvent {
  return {
    system: item.system,
    ticketId: item.ticketId,
    title: item.title,
    url: item.url,
    at: new Date(item.at),
    kind: item.kind,
    ...(item.level !== null ? { level: item.level } : {}),
    ...(item.levelId !== null ? { levelId: item.levelId } : {}),
    ...(item.levelName !== null ? { levelName: item.levelName } : {}),
    ...(item.severity !== null ? { severity: item.severity } : {}),
    notify: item.notify,
    notifyNames: item.toTell.map((role) => role.roleName),
    officeId: item.officeId,
  };
}

/** The handoff notice's words: the office and its close in the title, the tickets and what each owes first in the body. */
export function handoffNotification(handoff: HandoffView, answer: Pick<ForecastAnswer, 'events' | 'later'>, words: Pick<ViewWords, 't'> & { formatTime: (at: Date) => string }): { title: string; message: string } {
  const title = words.t('notifHandoffTitle', [handoff.officeName, words.formatTime(new Date(handoff.closesAt))]);
  if (handoff.tickets.length === 0) return { title, message: words.t('notifHandoffNothing') };
  const items = handoff.tickets.map((ticket) => {
    const first = ticket.due[0] ? handoffItem(answer, ticket.due[0].event) : undefined;
    const label = forecastTicketLabel({ system: ticket.system, ticketId: ticket.ticketId });
    return first ? `${label} ${forecastWhat(first, words)} ${words.formatTime(new Date(first.at))}` : label;
  });
  return { title, message: words.t('notifHandoffMessage', items.join('; ')) };
}
