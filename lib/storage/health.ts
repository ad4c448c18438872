import { z } from 'zod';
import { defineParsedItem } from './parsed-item';
import { repairFields } from './repair-fields';

/**
 * What the background did, for the options page's Health tab (and the browser tests): the last
 * wake, the alarm armed for the next one, the notifications quiet hours hold back, the ticket
 * reads it refused and why, and the last error per helpdesk origin — so that a silent failure
 * becomes a visible one. (The notifications raised are logged in `local:notificationLog`,
 * notification-log.ts.) Only the background writes it; every list is bounded.
 *
 * Stored under `local:health` (storage.local key `health`), version 1.
 */

const iso = z.iso.datetime({ offset: true });

export const HEALTH_LIMITS = {
  /** Refused ticket reads, newest last. */
  refused: 20,
  /** Notifications held back, as of the last wake. */
  held: 50,
  /** Helpdesk origins with a last error. */
  origins: 50,
  /** Characters kept of a title, message or reason. */
  text: 500,
} as const;

export const heldNotificationSchema = z.object({
  id: z.string(),
  ticket: z.string(),
  /** When quiet hours end and it is shown; null when not known. */
  until: iso.nullable(),
});
export const refusedTicketSchema = z.object({ at: iso, ticket: z.string(), origin: z.string().nullable(), reason: z.string() });
export const originErrorSchema = z.object({ at: iso, message: z.string() });

const healthShape = {
  lastWakeAt: iso.nullable(),
  nextAlarmAt: iso.nullable(),
  held: z.array(heldNotificationSchema),
  refused: z.array(refusedTicketSchema),
  originErrors: z.record(z.string(), originErrorSchema),
  /** How long the last wake took inside the worker, and how many of the watched tickets it read and evaluated (absent before it was kept). */
  lastWake: z
    .object({ tookMs: z.number().nonnegative(), evaluated: z.number().int().nonnegative(), watched: z.number().int().nonnegative() })
    .optional(),
};

export const healthSchema = z.object(healthShape);
export type Health = z.infer<typeof healthSchema>;
export type HeldNotification = z.infer<typeof heldNotificationSchema>;
export type RefusedTicket = z.infer<typeof refusedTicketSchema>;

export const emptyHealth = (): Health => ({ lastWakeAt: null, nextAlarmAt: null, held: [], refused: [], originErrors: {} });

export const healthItem = defineParsedItem<Health>({
  key: 'local:health',
  version: 1,
  schema: healthSchema,
  fallback: emptyHealth,
  repair: (raw, report) => repairFields(healthShape, raw, emptyHealth(), report),
});

const clip = (text: string): string => (text.length > HEALTH_LIMITS.text ? `${text.slice(0, HEALTH_LIMITS.text - 1)}…` : text);
const lastOf = <T>(items: readonly T[], count: number): T[] => items.slice(Math.max(0, items.length - count));

export interface WakeRecord {
  at: Date;
  nextAlarmAt: Date | null;
  held: readonly HeldNotification[];
  refused: ReadonlyArray<Omit<RefusedTicket, 'at'>>;
  /** The wake's own duration (ms, inside the worker) and how many tickets it evaluated of those watched. */
  took?: { ms: number; evaluated: number; watched: number };
}

export function recordWake(health: Health, wake: WakeRecord): Health {
  const at = wake.at.toISOString();
  return {
    ...health,
    lastWakeAt: at,
    nextAlarmAt: wake.nextAlarmAt ? wake.nextAlarmAt.toISOString() : null,
    held: wake.held.slice(0, HEALTH_LIMITS.held),
    refused: lastOf([...health.refused, ...wake.refused.map((r) => ({ ...r, reason: clip(r.reason), at }))], HEALTH_LIMITS.refused),
    ...(wake.took ? { lastWake: { tookMs: Math.round(wake.took.ms * 10) / 10, evaluated: wake.took.evaluated, watched: wake.took.watched } } : {}),
  };
}

export function recordRefused(health: Health, refused: Omit<RefusedTicket, 'at'>, now: Date): Health {
  const entry = { ...refused, reason: clip(refused.reason), at: now.toISOString() };
  return { ...health, refused: lastOf([...health.refused, entry], HEALTH_LIMITS.refused) };
}

export function recordOriginError(health: Health, origin: string, message: string, now: Date): Health {
  const errors = { ...health.originErrors, [origin]: { at: now.toISOString(), message: clip(message) } };
  const kept = Object.entries(errors)
    .sort(([, a], [, b]) => Date.parse(b.at) - Date.parse(a.at))
    .slice(0, HEALTH_LIMITS.origins);
  return { ...health, originErrors: Object.fromEntries(kept) };
}
