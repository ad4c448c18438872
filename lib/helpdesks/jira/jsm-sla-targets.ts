import type { NativeSlaTarget } from '../contract';
import { parseOrMalformed } from '../http';
import { jsmSlaPageSchema, type JsmSlaPage } from './schemas';

/** JSM SLA values as a page read them (jsm-sla.ts) → native targets. Throws 'malformed' naming the path. */
export function nativeSlaFromJsm(values: unknown, now: Date | null, where = 'sla'): NativeSlaTarget[] {
  return parseOrMalformed(jsmSlaPageSchema.shape.values, values, where).map((value) => slaTarget(value, now));
}

type SlaCycle = NonNullable<JsmSlaPage['values'][number]['ongoingCycle']>;

/** The running cycle, else the last completed one (e.g. a met "Time to first response"). */
function slaTarget(value: JsmSlaPage['values'][number], now: Date | null): NativeSlaTarget {
  const ongoing = value.ongoingCycle;
  const cycle = ongoing ?? value.completedCycles.at(-1);
  return {
    name: value.name,
    breachAt: cycle?.breachTime ?? null,
    paused: ongoing?.paused ?? false,
    breached: cycle === undefined ? false : (cycle.breached ?? breachedByTimes(cycle, ongoing === undefined ? undefined : now)),
  };
}

/**
 * Without `breached`: a running cycle is breached once its breach time has passed (`now`; null
 * when unknown), a completed one if it stopped at or after it (`now` undefined).
 */
function breachedByTimes(cycle: SlaCycle, now: Date | null | undefined): boolean {
  const breachAt = cycle.breachTime;
  if (breachAt === undefined || now === null) return false;
  const end = now ?? cycle.stopTime;
  return end !== undefined && end.getTime() >= breachAt.getTime();
}
