import { TZDate } from '@date-fns/tz';
import sample from '../fixtures/policy.sample.json';
import { policySchema, type Policy } from '../../lib/policy/schema';

/** The shared sample policy, parsed with the policy's own schema (not cast). */
export const samplePolicy: Policy = policySchema.parse(sample);

const LOCAL = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/;

/**
 * The instant at local wall time 'YYYY-MM-DD HH:mm' in `timeZone`, computed with @date-fns/tz's
 * TZDate — independently of the calendar's own offset table. Only for times that exist exactly
 * once (not in a DST gap or overlap).
 */
export function localInstant(timeZone: string, local: string): number {
  const match = LOCAL.exec(local);
  if (!match) throw new Error(`bad local time "${local}"`);
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  return new TZDate(y, mo - 1, d, h, mi, timeZone).getTime();
}

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
