import type { NativeSlaTarget } from '../contract';
import { parseOrMalformed } from '../http';
import { jsmSlaPageSchema, type JsmSlaPage } from './schemas';

/** JSM SLA values as a page read them (jsm-sla.ts) → native targets. Throws 'malformed' naming the path. */
export function nativeSlaFromJsm(values: unknown, where = 'sla'): NativeSlaTarget[] {
  return parseOrMalformed(jsmSlaPageSchema.shape.values, values, where).map(slaTarget);
}

/** The running cycle, else the last completed one (e.g. a met "Time to first response"). */
function slaTarget(value: JsmSlaPage['values'][number]): NativeSlaTarget {
  const cycle = value.ongoingCycle ?? value.completedCycles.at(-1);
  return {
    name: value.name,
    breachAt: cycle?.breachTime ?? null,
    paused: value.ongoingCycle?.paused ?? false,
    breached: cycle?.breached ?? false,
  };
}
