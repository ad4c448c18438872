import { compiledPolicyOf } from '../engine/compiled-policy';
import { evaluate } from '../engine/evaluate';
import { readHistoryAt } from '../engine/ticket-history';
import type { Evaluation, HelpdeskSystem, LevelTimelineEntry, Severity, Ticket } from '../engine/types';
import type { Policy } from '../policy/schema';

/** One thing that happens to a ticket in the forecast window (SPEC §3). */
export interface ForecastEvent {
  system: HelpdeskSystem;
  ticketId: string;
  title: string;
  url: string;
  at: Date;
  kind: ForecastEventKind;
  /** kind 'level': the level `evaluate` reports from `at` on (1-based). */
  level?: number;
  /** kind 'level': that level's id ('l2', 'director', …). */
  levelId?: string;
  /** kind 'level': role ids this event brings in, still to be told; [] for other kinds. */
  notify: string[];
  /** The ticket's office (the policy's default when the ticket has none). */
  officeId: string;

  // Additions beyond the SPEC §3 contract, for readable output (toICS, the forecast view).
  /** The severity the ticket is evaluated under now (1 for a hot account). */
  severity?: Severity;
  /** kind 'level': the level's name from the policy. */
  levelName?: string;
  /** Display names of `notify`, in the same order (the role id when the policy names none). */
  notifyNames?: string[];
}

export type ForecastEventKind = 'level' | 'response' | 'update';

const KIND_ORDER: Readonly<Record<ForecastEventKind, number>> = { level: 0, response: 1, update: 2 };

/**
 * What happens to `tickets` in `(now, until]` if nothing changes on them after `now` (SPEC §3):
 *
 * - `level`: each instant at which the ticket reaches a further level, at the very instant
 *   `evaluate(ticket, policy, at)` first reports it (deadlines fall on whole minutes when the
 *   ticket's instants do). Levels whose deadlines coincide give one event, for the highest of
 *   them, as `evaluate` reports only that one; its `notify` holds the roles of all of them.
 * - `response`: the response deadline, while the ticket is unanswered at `now`.
 * - `update`: the next customer update deadline as it stands at `now` (one per ticket; later
 *   ones depend on replies not yet made). Before the response the next update *is* the response
 *   deadline (`updateRule` 'response'): that is one `response` event, not two.
 *
 * Paused and solved tickets forecast nothing (their clocks stand still), nor do tickets with no
 * severity. History events after `now` are ignored, as `evaluate(…, now)` ignores them.
 *
 * `notify` of a level event: the roles that join `Evaluation.notify` at `at` (on-request roles
 * never do), minus the roles that need no telling any more: those `acknowledged` for the ticket
 * and those recorded on the ticket as notified at or before `now` — the same subtraction as
 * `Evaluation.pending`. So it is the list of people someone must still tell when the level
 * starts; a level whose roles were all told early still appears, with `notify: []`.
 *
 * `acknowledged` maps a ticket to its acknowledged role ids. A ticket's roles are looked up under
 * its id (`'35436'`), under `system:id` (`'zendesk:35436'`) and under the watched store's key
 * `system:id@origin` (`'zendesk:35436@https://acme.zendesk.com'`); every list found counts.
 *
 * Sorted by `at`; events at the same instant keep the order of `tickets`, then level, response,
 * update. Pure: every instant comes from the arguments.
 */
export function forecast(
  tickets: readonly Ticket[],
  policy: Policy,
  now: Date,
  until: Date,
  acknowledged: Readonly<Record<string, readonly string[]>> = {},
): ForecastEvent[] {
  const nowMs = now instanceof Date ? now.getTime() : Number.NaN;
  const untilMs = until instanceof Date ? until.getTime() : Number.NaN;
  if (Number.isNaN(nowMs)) throw new RangeError('forecast: `now` is not a valid Date');
  if (Number.isNaN(untilMs)) throw new RangeError('forecast: `until` is not a valid Date');
  if (untilMs <= nowMs) return [];
  const ordered: { event: ForecastEvent; ticketIndex: number }[] = [];
  tickets.forEach((ticket, ticketIndex) => {
    for (const event of forecastTicket(ticket, policy, nowMs, untilMs, acknowledgedRolesOf(acknowledged, ticket))) {
      ordered.push({ event, ticketIndex });
    }
  });
  ordered.sort(
    (a, b) =>
      a.event.at.getTime() - b.event.at.getTime() ||
      a.ticketIndex - b.ticketIndex ||
      KIND_ORDER[a.event.kind] - KIND_ORDER[b.event.kind] ||
      (a.event.level ?? 0) - (b.event.level ?? 0),
  );
  return ordered.map(({ event }) => event);
}

function forecastTicket(
  ticket: Ticket,
  policy: Policy,
  nowMs: number,
  untilMs: number,
  acknowledged: readonly string[],
): ForecastEvent[] {
  const evaluation = evaluate(ticket, policy, new Date(nowMs), acknowledged);
  if (evaluation.severity === null || evaluation.state === 'unknown' || evaluation.state === 'stopped' || evaluation.state === 'paused') return [];
  const inWindow = (at: Date | null): at is Date => at !== null && at.getTime() > nowMs && at.getTime() <= untilMs;
  const base = {
    system: ticket.system,
    ticketId: ticket.id,
    title: ticket.title,
    url: ticket.url,
    officeId: evaluation.officeId,
    severity: evaluation.severity,
  };
  const events: ForecastEvent[] = [];

  const compiled = compiledPolicyOf(policy);
  const roleNames = compiled.roleNames;
  const told = new Set([...acknowledged, ...readHistoryAt(ticket, nowMs, compiled.pausing).notifiedRoles]);
  for (const step of levelSteps(evaluation, nowMs, untilMs)) {
    const notify = step.newRoles.filter((role) => !told.has(role));
    events.push({
      ...base,
      at: step.at,
      kind: 'level',
      level: step.entry.level,
      levelId: step.entry.id,
      levelName: step.entry.name,
      notify,
      notifyNames: notify.map((role) => roleNames.get(role) ?? role),
    });
  }

  if (evaluation.respondedAt === null && inWindow(evaluation.responseDueAt)) {
    events.push({ ...base, at: evaluation.responseDueAt, kind: 'response', notify: [], notifyNames: [] });
  }
  if (evaluation.updateRule !== 'response' && inWindow(evaluation.nextUpdateDueAt)) {
    events.push({ ...base, at: evaluation.nextUpdateDueAt, kind: 'update', notify: [], notifyNames: [] });
  }
  return events;
}

interface LevelStep {
  at: Date;
  /** The level evaluate reports from `at` on. */
  entry: LevelTimelineEntry;
  /** Roles that join `notify` at `at`, in level order. */
  newRoles: string[];
}

/**
 * The instants in `(now, until]` at which the ticket's level or its cumulative roles change,
 * read off the evaluation's own level timeline (the engine's deadlines, pauses counted). As in
 * `evaluate`, the level at an instant is the highest whose start is at or before it, and the
 * roles are those of every level started by then.
 */
function levelSteps(evaluation: Evaluation, nowMs: number, untilMs: number): LevelStep[] {
  const starts = evaluation.levels.filter(
    (entry): entry is LevelTimelineEntry & { at: Date } => entry.scheduled && entry.at !== null,
  );
  // Level 1 starts at the clock start, which `evaluate` reports as level 1 even before it.
  const instants = [
    ...new Set(starts.filter((entry) => entry.level > 1).map((entry) => entry.at.getTime())),
  ]
    .filter((ms) => ms > nowMs && ms <= untilMs)
    .sort((a, b) => a - b);
  const steps: LevelStep[] = [];
  let previous = startedBy(starts, nowMs);
  for (const ms of instants) {
    const current = startedBy(starts, ms);
    const newRoles = current.roles.filter((role) => !previous.roles.includes(role));
    const top = current.top;
    if (top && (top !== previous.top || newRoles.length > 0)) {
      steps.push({ at: dateAmong(starts, ms), entry: top, newRoles });
    }
    previous = current;
  }
  return steps;
}

function startedBy(
  starts: readonly (LevelTimelineEntry & { at: Date })[],
  ms: number,
): { top: (LevelTimelineEntry & { at: Date }) | null; roles: string[] } {
  let top: (LevelTimelineEntry & { at: Date }) | null = null;
  const roles: string[] = [];
  for (const entry of starts) {
    if (entry.at.getTime() > ms) continue;
    if (!top || entry.level > top.level) top = entry;
    for (const role of entry.notify) if (!roles.includes(role)) roles.push(role);
  }
  return { top, roles };
}

/** The timeline's own Date for instant `ms` (a level starting then). */
function dateAmong(starts: readonly { at: Date }[], ms: number): Date {
  return starts.find((entry) => entry.at.getTime() === ms)?.at ?? new Date(ms);
}

function acknowledgedRolesOf(acknowledged: Readonly<Record<string, readonly string[]>>, ticket: Ticket): string[] {
  const keys = [ticket.id, `${ticket.system}:${ticket.id}`];
  const origin = originOf(ticket.url);
  if (origin) keys.push(`${ticket.system}:${ticket.id}@${origin}`);
  const roles: string[] = [];
  for (const key of keys) {
    const list = Object.hasOwn(acknowledged, key) ? acknowledged[key] : undefined;
    if (list) for (const role of list) if (!roles.includes(role)) roles.push(role);
  }
  return roles;
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
