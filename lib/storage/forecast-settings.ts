import { z } from 'zod';
import { defineParsedItem } from './parsed-item';
import { repairFields } from './repair-fields';
import { checkSyncQuota } from './sync-quota';

/**
 * The forecast's settings (issue 15 items 2 and 3), synced with the engineer's other settings:
 * which office is theirs (the forecast's "my office" filter and the handoff notice) and whether
 * to be told N minutes before that office closes. An office id the policy no longer has means
 * "all offices" to the forecast and no notice (the background checks it against the policy).
 */

const forecastShape = {
  /** The engineer's office id; null: every office. */
  myOffice: z.string().min(1).max(100).nullable(),
  handoffNotice: z.object({
    /** Off by default: a notification is something to opt into. */
    enabled: z.boolean(),
    /** How long before the office's close the notice is raised. */
    minutesBefore: z.number().int().min(5).max(240),
  }),
};

export const forecastSettingsSchema = z.object(forecastShape);
export type ForecastSettings = z.infer<typeof forecastSettingsSchema>;

export const defaultForecastSettings: ForecastSettings = {
  myOffice: null,
  handoffNotice: { enabled: false, minutesBefore: 30 },
};

export const forecastSettingsItem = defineParsedItem<ForecastSettings>({
  key: 'sync:forecastSettings',
  version: 1,
  schema: forecastSettingsSchema,
  fallback: () => structuredClone(defaultForecastSettings),
  repair: (raw, report) => repairFields(forecastShape, raw, structuredClone(defaultForecastSettings), report),
  checkWrite: checkSyncQuota('sync:forecastSettings'),
});

const noticeStateShape = {
  /** `officeId@closeISO` of the closes already announced (the newest few), so a restart never repeats one. */
  announced: z.array(z.string()).max(50),
};
export const handoffNoticeStateSchema = z.object(noticeStateShape);
export type HandoffNoticeState = z.infer<typeof handoffNoticeStateSchema>;

export const handoffNoticeStateItem = defineParsedItem<HandoffNoticeState>({
  key: 'local:handoffNoticeState',
  version: 1,
  schema: handoffNoticeStateSchema,
  fallback: () => ({ announced: [] }),
  repair: (raw, report) => repairFields(noticeStateShape, raw, { announced: [] as string[] }, report),
});
