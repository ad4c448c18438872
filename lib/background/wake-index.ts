import type { WatchedStore, WatchedTicket } from '../storage/watched-ticket-schema';
import type { EvaluatedTicket } from './evaluate-store';

/**
 * Which watched tickets a wake must evaluate (issue 11 item 7): the background keeps, per ticket,
 * its last evaluation and the next instant anything about it can change — its next alarm event
 * (a level, a deadline, a warning, a reminder, the end of a snooze or quiet hours holding one) or
 * its next state change. Until then, and while neither the ticket's entry nor the policy and
 * notification settings changed, the evaluation is still true to the minute: a wake re-evaluates
 * only the tickets that are new, changed, due, or that still had a due notification unrecorded
 * (held, or one that could not be built). The one alarm is armed for the earliest instant of all.
 *
 * In memory only: a new service worker starts with an empty index (its first wake evaluates every
 * ticket). A ticket's entry is recognised by identity — the store kept in memory by the background
 * hands out the same entry object until the ticket changes.
 */

interface Indexed {
  entry: WatchedTicket;
  item: EvaluatedTicket;
  /** The ticket's next alarm instant (ms), Infinity when none. */
  alarmAt: number;
  /** When it must be evaluated again (ms): its next alarm instant or state change. */
  recheckAt: number;
  /** It had due notifications not recorded as shown (held, or not built), or it changed while it was evaluated: evaluated again next wake. */
  open: boolean;
}

export interface WakeSelection {
  /** Entries to evaluate now. */
  toEvaluate: WatchedStore;
  /** Evaluations still true now, of every other ticket. */
  kept: EvaluatedTicket[];
}

export interface WakeIndex {
  /**
   * Splits the store for a wake at `now`. `context` is what evaluations and alarm instants depend
   * on besides the ticket (the policy object, the notification options): a change of any empties the index.
   */
  select(store: WatchedStore, context: readonly unknown[], now: Date): WakeSelection;
  /** Records a ticket just evaluated, with the entry as the wake left it stored. */
  record(item: EvaluatedTicket, entry: WatchedTicket, next: { alarmAt: Date | null; recheckAt: Date | null; open: boolean }): void;
  /** The earliest alarm instant of the given tickets (null when none). */
  earliestAlarm(keys: Iterable<string>): Date | null;
  /** How many tickets the index holds (tests, the scale script). */
  readonly size: number;
}

const msOf = (at: Date | null) => (at === null ? Number.POSITIVE_INFINITY : at.getTime());

function sameContext(a: readonly unknown[] | null, b: readonly unknown[]): boolean {
  return a !== null && a.length === b.length && a.every((value, i) => Object.is(value, b[i]));
}

export function createWakeIndex(): WakeIndex {
  const byKey = new Map<string, Indexed>();
  let context: readonly unknown[] | null = null;
  return {
    select(store, nextContext, now) {
      if (!sameContext(context, nextContext)) {
        byKey.clear();
        context = [...nextContext];
      }
      const nowMs = now.getTime();
      const toEvaluate: WatchedStore = {};
      const kept: EvaluatedTicket[] = [];
      for (const key of Object.keys(store)) {
        const entry = store[key] as WatchedTicket;
        const known = byKey.get(key);
        if (known && known.entry === entry && !known.open && known.recheckAt > nowMs) kept.push(known.item);
        else toEvaluate[key] = entry;
      }
      for (const key of byKey.keys()) if (!Object.hasOwn(store, key)) byKey.delete(key);
      return { toEvaluate, kept };
    },
    record(item, entry, next) {
      const alarmAt = msOf(next.alarmAt);
      byKey.set(item.key, { entry, item, alarmAt, recheckAt: Math.min(alarmAt, msOf(next.recheckAt)), open: next.open });
    },
    earliestAlarm(keys) {
      let earliest = Number.POSITIVE_INFINITY;
      for (const key of keys) earliest = Math.min(earliest, byKey.get(key)?.alarmAt ?? Number.POSITIVE_INFINITY);
      return Number.isFinite(earliest) ? new Date(earliest) : null;
    },
    get size() {
      return byKey.size;
    },
  };
}
