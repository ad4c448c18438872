import { z } from 'zod';
import { timeZoneSchema } from '../policy/schema';
import { defineParsedItem } from './parsed-item';
import { repairFields } from './repair-fields';
import { checkSyncQuota } from './sync-quota';

/** Acknowledgement timeouts by default, wall-clock minutes per severity (0 = off; lib/alarms/ack-timeouts.ts). */
export const DEFAULT_ACK_TIMEOUT_MINUTES = { '1': 15, '2': 60, '3': 0, '4': 0 } as const satisfies Record<'1' | '2' | '3' | '4', number>;

/**
 * The engineer's settings, synced between their browsers through `storage.sync`.
 * Split into small items so each stays well under sync's 8 KB-per-item quota; every write is
 * checked against it.
 */

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM (24-hour)');
export const weekdaySchema = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
export type Weekday = z.infer<typeof weekdaySchema>;
const leadMinutes = z.number().int().min(0).max(7 * 24 * 60);
const ackMinutes = z.number().int('whole minutes').min(0, '0 (off) or more minutes').max(24 * 60, 'at most 1440 minutes (a day)');

// ---- notifications -------------------------------------------------------------------------

const notificationShape = {
  /** Minutes of warning before a level or an update, per severity; absent → the policy's warnBefore. */
  warnBeforeMinutes: z.object({ '1': leadMinutes, '2': leadMinutes, '3': leadMinutes, '4': leadMinutes }).partial(),
  /** Sev 3–4 notifications wait until quiet hours end; Sev 1–2 always notify. */
  quietHours: z.object({
    enabled: z.boolean(),
    start: clockTime,
    end: clockTime,
    days: z.array(weekdaySchema),
    /** IANA zone; null → the browser's own. */
    timeZone: timeZoneSchema.nullable(),
  }),
  sound: z.boolean(),
  /** Repeat a reminder while roles are still to notify; 0 turns reminders off. */
  reminderMinutes: z.number().int().min(0).max(24 * 60),
  /**
   * Acknowledgement timeouts (v2): minutes after a level starts before its still-pending roles are
   * notified again with the on-duty Escalation Director added, per severity; 0 turns it off.
   */
  ackTimeoutMinutes: z.object({ '1': ackMinutes, '2': ackMinutes, '3': ackMinutes, '4': ackMinutes }),
};

export const notificationSettingsSchema = z.object(notificationShape);
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;

export const defaultNotificationSettings: NotificationSettings = {
  warnBeforeMinutes: {},
  quietHours: { enabled: false, start: '19:00', end: '08:00', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], timeZone: null },
  sound: true,
  reminderMinutes: 30,
  ackTimeoutMinutes: { ...DEFAULT_ACK_TIMEOUT_MINUTES },
};

/** v1 → v2: acknowledgement timeouts arrive with their defaults; everything else is kept as it was. */
export function migrateNotificationSettingsV1(old: unknown): unknown {
  if (typeof old !== 'object' || old === null || Array.isArray(old) || 'ackTimeoutMinutes' in old) return old;
  return { ...old, ackTimeoutMinutes: { ...DEFAULT_ACK_TIMEOUT_MINUTES } };
}

/**
 * A quiet-hours zone that is not a real one falls back to the browser's zone (null) with a
 * reason, instead of costing the engineer their quiet hours altogether.
 */
function keepQuietHoursOverBadZone(raw: unknown, report: (reason: string) => void): unknown {
  if (typeof raw !== 'object' || raw === null || !('quietHours' in raw)) return raw;
  const quiet = (raw as { quietHours: unknown }).quietHours;
  if (typeof quiet !== 'object' || quiet === null || !('timeZone' in quiet)) return raw;
  const zone = (quiet as { timeZone: unknown }).timeZone;
  if (zone === null || timeZoneSchema.safeParse(zone).success) return raw;
  report(`quietHours.timeZone ${JSON.stringify(zone)} is not a known time zone; quiet hours follow the browser's zone`);
  return { ...raw, quietHours: { ...quiet, timeZone: null } };
}

export const notificationSettingsItem = defineParsedItem<NotificationSettings>({
  key: 'sync:notificationSettings',
  version: 2,
  migrations: { 2: migrateNotificationSettingsV1 },
  schema: notificationSettingsSchema,
  fallback: () => structuredClone(defaultNotificationSettings),
  repair: (raw, report) => repairFields(notificationShape, keepQuietHoursOverBadZone(raw, report), structuredClone(defaultNotificationSettings), report),
  checkWrite: checkSyncQuota('sync:notificationSettings'),
});

// ---- general -------------------------------------------------------------------------------

const generalShape = {
  /** Who "mine" is, for the popup's filter (per helpdesk identity). */
  mine: z.object({
    enabled: z.boolean(),
    email: z.string().nullable(),
    zendeskUserId: z.string().nullable(),
    jiraAccountId: z.string().nullable(),
  }),
  /** Issue 8: write "notified" notes on the ticket — never, ask each time, or always. */
  ackNoteMode: z.enum(['off', 'ask', 'always']),
  /** Solved tickets are forgotten this long after they were solved. */
  forgetSolvedAfterDays: z.number().int().min(1).max(365),
  /**
   * Watch the tickets a view shows (their history read for the rows). Off: "Stop watching view
   * tickets" — rows still tell the truth, but those tickets are not stored, notified or listed,
   * until turned on again (README "what gets watched and how to stop"). Synced: it is a choice.
   */
  watchViewTickets: z.boolean(),
};

export const generalSettingsSchema = z.object(generalShape);
export type GeneralSettings = z.infer<typeof generalSettingsSchema>;
export type AckNoteMode = GeneralSettings['ackNoteMode'];

export const defaultGeneralSettings: GeneralSettings = {
  mine: { enabled: false, email: null, zendeskUserId: null, jiraAccountId: null },
  ackNoteMode: 'ask',
  forgetSolvedAfterDays: 7,
  watchViewTickets: true,
};

/** v1 → v2: view tickets stay watched, as they were before the setting existed; everything else is kept. */
export function migrateGeneralSettingsV1(old: unknown): unknown {
  if (typeof old !== 'object' || old === null || Array.isArray(old) || 'watchViewTickets' in old) return old;
  return { ...old, watchViewTickets: true };
}

export const generalSettingsItem = defineParsedItem<GeneralSettings>({
  key: 'sync:generalSettings',
  version: 2,
  migrations: { 2: migrateGeneralSettingsV1 },
  schema: generalSettingsSchema,
  fallback: () => structuredClone(defaultGeneralSettings),
  repair: (raw, report) => repairFields(generalShape, raw, structuredClone(defaultGeneralSettings), report),
  checkWrite: checkSyncQuota('sync:generalSettings'),
});

// ---- helpdesk sites ------------------------------------------------------------------------

const zendeskSubdomain = z.string().regex(/^[a-z0-9][a-z0-9-]*$/i, 'expected a Zendesk subdomain, e.g. acme');
const jiraCloudSite = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*\.atlassian\.net$/i, 'expected a Jira Cloud site, e.g. acme.atlassian.net');
const httpsOrigin = z
  .string()
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' && url.origin === value;
    } catch {
      return false;
    }
  }, 'expected an https origin without a path, e.g. https://jira.example.com');

const sitesShape = {
  /** Empty: every *.zendesk.com the manifest matches. */
  zendesk: z.array(zendeskSubdomain),
  /** Empty: every *.atlassian.net the manifest matches. */
  jira: z.array(jiraCloudSite),
  /** Self-hosted Jira; host permission is requested at run time by the options page. */
  dataCenter: z.array(httpsOrigin),
};

export const helpdeskSitesSchema = z.object(sitesShape);
export type HelpdeskSites = z.infer<typeof helpdeskSitesSchema>;
export const defaultHelpdeskSites: HelpdeskSites = { zendesk: [], jira: [], dataCenter: [] };

export const helpdeskSitesItem = defineParsedItem<HelpdeskSites>({
  key: 'sync:helpdeskSites',
  version: 1,
  schema: helpdeskSitesSchema,
  fallback: () => structuredClone(defaultHelpdeskSites),
  repair: (raw, report) => repairFields(sitesShape, raw, structuredClone(defaultHelpdeskSites), report),
  checkWrite: checkSyncQuota('sync:helpdeskSites'),
});

// ---- field mappings ------------------------------------------------------------------------

/**
 * Stored as plain JSON: each helpdesk folder owns its mapping's zod schema
 * (lib/helpdesks/{zendesk,jira}/mapping.ts) and validates it when it uses it; null → its default.
 */
const mappingsShape = {
  zendesk: z.json().nullable(),
  jira: z.json().nullable(),
};

export const fieldMappingsSchema = z.object(mappingsShape);
export type FieldMappings = z.infer<typeof fieldMappingsSchema>;
export const defaultFieldMappings: FieldMappings = { zendesk: null, jira: null };

export const fieldMappingsItem = defineParsedItem<FieldMappings>({
  key: 'sync:fieldMappings',
  version: 1,
  schema: fieldMappingsSchema,
  fallback: () => ({ ...defaultFieldMappings }),
  repair: (raw, report) => repairFields(mappingsShape, raw, { ...defaultFieldMappings }, report),
  checkWrite: checkSyncQuota('sync:fieldMappings'),
});
