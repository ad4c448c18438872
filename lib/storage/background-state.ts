import { z } from 'zod';
import { defineParsedItem } from './parsed-item';
import { repairFields } from './repair-fields';

/**
 * What the background must remember across service-worker restarts besides the tickets:
 * when it last checked (to tell a late wake — a sleeping laptop — from an on-time one) and
 * per-origin back-off after a helpdesk said "too many requests".
 */

const iso = z.iso.datetime({ offset: true });

const backgroundStateShape = {
  lastCheckedAt: iso.nullable(),
  nextWakeAt: iso.nullable(),
  /** origin → no background refresh before this instant (Retry-After, repeated failures). */
  refreshBackoff: z.record(z.string(), z.object({ until: iso, failures: z.number().int().min(0) })),
};

export const backgroundStateSchema = z.object(backgroundStateShape);
export type BackgroundState = z.infer<typeof backgroundStateSchema>;

export const initialBackgroundState = (): BackgroundState => ({ lastCheckedAt: null, nextWakeAt: null, refreshBackoff: {} });

export const backgroundStateItem = defineParsedItem<BackgroundState>({
  key: 'local:backgroundState',
  version: 1,
  schema: backgroundStateSchema,
  fallback: initialBackgroundState,
  repair: (raw, report) => repairFields(backgroundStateShape, raw, initialBackgroundState(), report),
});
