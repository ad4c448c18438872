import { z } from 'zod';
import { defineParsedItem } from './parsed-item';

/**
 * The background's wake plan (lib/background/wake-plan.ts) as storage keeps it, so that a new
 * service worker's wake reads one small value and the few entries that are due instead of every
 * watched ticket. Column by column (one array per field, index i is one ticket), stored as JSON
 * text: Chrome hands a stored object to a new worker value by value (2,000 tickets' columns took
 * ~70 ms), a string in one piece, and JSON.parse plus the checks below take a few milliseconds.
 *
 * Only the background writes it. A value that does not read is dropped with the reason logged:
 * the plan is a cache of what the entries say, so losing it costs one wake that evaluates every
 * ticket, never a notification.
 */

export const PLAN_STATES = ['unknown', 'stopped', 'paused', 'overdue', 'notify', 'warning', 'ok'] as const;
export type PlanState = (typeof PLAN_STATES)[number];

export interface StoredWakePlan {
  epoch: string;
  context: string;
  keys: string[];
  revs: number[];
  alarmAt: Array<number | null>;
  recheckAt: Array<number | null>;
  /** 1 when the ticket is evaluated again next wake whatever its instants. */
  open: Array<0 | 1>;
  states: PlanState[];
  /** 1 when nobody is left to tell on the ticket. */
  settled: Array<0 | 1>;
  touchedAt: Array<number | null>;
  seenAt: number[];
  solvedAt: Array<number | null>;
}

export class WakePlanFormatError extends Error {
  override name = 'WakePlanFormatError';
}

type Column = Exclude<keyof StoredWakePlan, 'epoch' | 'context'>;

const isInt = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value);
const isFlag = (value: unknown): value is 0 | 1 => value === 0 || value === 1;
const isInstant = (value: unknown): value is number | null => value === null || isInt(value);
const stateSet: ReadonlySet<unknown> = new Set(PLAN_STATES);

const COLUMNS: ReadonlyArray<[Column, (value: unknown) => boolean, string]> = [
  ['keys', (value) => typeof value === 'string', 'a ticket key'],
  ['revs', isInt, 'an integer revision'],
  ['alarmAt', isInstant, 'an instant (epoch ms) or null'],
  ['recheckAt', isInstant, 'an instant (epoch ms) or null'],
  ['open', isFlag, '0 or 1'],
  ['states', (value) => stateSet.has(value), `one of ${PLAN_STATES.join(', ')}`],
  ['settled', isFlag, '0 or 1'],
  ['touchedAt', isInstant, 'an instant (epoch ms) or null'],
  ['seenAt', isInt, 'an instant (epoch ms)'],
  ['solvedAt', isInstant, 'an instant (epoch ms) or null'],
];

/** The stored text back as a plan's columns; throws WakePlanFormatError naming the first field at fault. */
export function decodeWakePlan(text: string): StoredWakePlan {
  let raw: unknown;
  try {
    raw = JSON.parse(text) as unknown;
  } catch (error) {
    throw new WakePlanFormatError(`not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new WakePlanFormatError('not an object');
  const value = raw as Record<string, unknown>;
  for (const field of ['epoch', 'context'] as const) {
    if (typeof value[field] !== 'string') throw new WakePlanFormatError(`${field}: expected a string`);
  }
  const keys = value.keys;
  if (!Array.isArray(keys)) throw new WakePlanFormatError('keys: expected an array');
  for (const [field, valid, expected] of COLUMNS) {
    const column = value[field];
    if (!Array.isArray(column)) throw new WakePlanFormatError(`${field}: expected an array`);
    if (column.length !== keys.length) throw new WakePlanFormatError(`${field}: has ${column.length} values for ${keys.length} tickets`);
    for (let i = 0; i < column.length; i++) {
      if (!valid(column[i])) throw new WakePlanFormatError(`${field}[${i}]: expected ${expected}`);
    }
  }
  return value as unknown as StoredWakePlan;
}

export const encodeWakePlan = (plan: StoredWakePlan): string => JSON.stringify(plan);

export const wakePlanItem = defineParsedItem<string | null>({
  key: 'local:wakePlan',
  version: 1,
  schema: z.string().nullable(),
  fallback: () => null,
});
