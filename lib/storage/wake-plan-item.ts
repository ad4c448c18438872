import { z } from 'zod';
import { defineParsedItem } from './parsed-item';

/**
 * The background's wake plan (lib/background/wake-plan.ts) as storage keeps it, so that a new
 * service worker's wake reads one small value and the few entries that are due instead of every
 * watched ticket. Column by column (one array per field, index i is one ticket): 2,000 tickets
 * are ~150 KB and parse as a few flat arrays.
 *
 * Only the background writes it. A value that does not parse is dropped with the reason logged:
 * the plan is a cache of what the entries say, so losing it costs one wake that evaluates every
 * ticket, never a notification.
 */

const STATES = ['unknown', 'stopped', 'paused', 'overdue', 'notify', 'warning', 'ok'] as const;
const instant = z.number().int().nullable();

export const storedWakePlanSchema = z
  .object({
    epoch: z.string(),
    context: z.string(),
    keys: z.array(z.string()),
    revs: z.array(z.number().int()),
    alarmAt: z.array(instant),
    recheckAt: z.array(instant),
    /** 1 when the ticket is evaluated again next wake whatever its instants. */
    open: z.array(z.union([z.literal(0), z.literal(1)])),
    states: z.array(z.enum(STATES)),
    /** 1 when nobody is left to tell on the ticket. */
    settled: z.array(z.union([z.literal(0), z.literal(1)])),
    touchedAt: z.array(instant),
  })
  .superRefine((plan, ctx) => {
    const n = plan.keys.length;
    for (const field of ['revs', 'alarmAt', 'recheckAt', 'open', 'states', 'settled', 'touchedAt'] as const) {
      if (plan[field].length !== n) ctx.addIssue({ code: 'custom', path: [field], message: `has ${plan[field].length} values for ${n} tickets` });
    }
  });

export type StoredWakePlan = z.infer<typeof storedWakePlanSchema>;

export const wakePlanItem = defineParsedItem<StoredWakePlan | null>({
  key: 'local:wakePlan',
  version: 1,
  schema: storedWakePlanSchema.nullable(),
  fallback: () => null,
});
