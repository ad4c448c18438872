import { z } from 'zod';
import { isIsoCalendarDate } from './calendar-date';
import { DURATION_MAX, durationProblems } from './duration';
import { idSchema } from './reserved-names';
import { minutesOfDay } from './time-of-day';
import { isKnownTimeZone } from './time-zone';

/**
 * The policy format of shared/policy.sample.json. Field-level rules (units, time zones, `HH:MM`,
 * real dates) live here with their messages; rules that relate one part of the policy to another
 * (roles and levels referenced, the default office) live in cross-checks.ts.
 */

const positiveAmount = (unit: keyof typeof DURATION_MAX) => z.number().positive().finite().max(DURATION_MAX[unit]);

/** The type of a duration; policies are read through `durationFieldSchema`, which explains mistakes. */
export const durationSchema = z.union([
  z.strictObject({ minutes: positiveAmount('minutes') }),
  z.strictObject({ hours: positiveAmount('hours') }),
  z.strictObject({ businessHours: positiveAmount('businessHours') }),
  z.strictObject({ businessDays: positiveAmount('businessDays').int() }),
]);

const durationFieldSchema = z
  .unknown()
  .superRefine((value, ctx) => {
    for (const problem of durationProblems(value)) {
      ctx.addIssue({ code: 'custom', message: problem.message, path: problem.unit ? [problem.unit] : [] });
    }
  })
  .pipe(durationSchema);

export const weekdayKeys = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekdayKey = (typeof weekdayKeys)[number];

export const hoursRangeSchema = z.tuple([z.string(), z.string()]).superRefine(([open, close], ctx) => {
  const openMinutes = minutesOfDay(open);
  const closeMinutes = minutesOfDay(close);
  if (openMinutes === null) {
    ctx.addIssue({ code: 'custom', path: [0], message: `'${open}' is not a time; write opening time as HH:MM on a 24-hour clock, e.g. '09:00'` });
  }
  if (closeMinutes === null) {
    ctx.addIssue({ code: 'custom', path: [1], message: `'${close}' is not a time; write closing time as HH:MM on a 24-hour clock, e.g. '18:00'` });
  }
  if (openMinutes !== null && closeMinutes !== null && openMinutes >= closeMinutes) {
    ctx.addIssue({ code: 'custom', path: [1], message: `closes at ${close}, which is not after it opens at ${open}` });
  }
});

/** An IANA time zone the browser can compute with (policy offices, rotations, quiet hours). */
export const timeZoneSchema = z.string().superRefine((name, ctx) => {
  if (!isKnownTimeZone(name)) {
    ctx.addIssue({ code: 'custom', message: `'${name}' is not a known time zone; use an IANA name such as 'Asia/Shanghai'` });
  }
});

const officeId = idSchema('an office id');
const roleId = idSchema('a role id');
const levelId = idSchema('a level id');

const calendarDateSchema = z.string().superRefine((text, ctx) => {
  if (!isIsoCalendarDate(text)) {
    ctx.addIssue({ code: 'custom', message: `'${text}' is not a real date written YYYY-MM-DD, e.g. '2026-10-01'` });
  }
});

export const officeSchema = z.strictObject({
  name: z.string(),
  timeZone: timeZoneSchema,
  hours: z.partialRecord(z.enum(weekdayKeys), hoursRangeSchema),
  holidays: z.array(calendarDateSchema),
  workdays: z.array(calendarDateSchema),
});

export const roleSchema = z.strictObject({
  name: z.string(),
  kind: z.enum(['engineer', 'notify']),
});

export const levelSchema = z.strictObject({
  id: levelId,
  name: z.string(),
  engage: z.array(z.string()),
  notify: z.array(z.string()),
  onRequest: z.array(z.string()).optional(),
});

export const severityPolicySchema = z.strictObject({
  name: z.string(),
  response: durationFieldSchema.optional(),
  escalate: z.record(levelId, durationFieldSchema).optional(),
  updates: z
    .strictObject({
      every: durationFieldSchema.optional(),
      afterWorkaround: durationFieldSchema.optional(),
    })
    .optional(),
  warnBefore: durationFieldSchema.optional(),
});

export const policySchema = z.strictObject({
  version: z.literal(1),
  name: z.string(),
  defaultOffice: officeId,
  pauseWhile: z.array(z.enum(['waiting', 'active'])),
  /**
   * Customer organisations treated as Severity 1 from creation, whatever their helpdesk priority
   * (SPEC §1 "Hot accounts"); matched case-insensitively and trimmed. Absent: none.
   */
  hotAccounts: z.array(z.string().trim().min(1, 'expected an organisation name')).optional(),
  offices: z.record(officeId, officeSchema),
  roles: z.record(roleId, roleSchema),
  levels: z.array(levelSchema).min(1),
  severities: z.strictObject({
    '1': severityPolicySchema,
    '2': severityPolicySchema,
    '3': severityPolicySchema,
    '4': severityPolicySchema,
  }),
});

export type Duration = z.infer<typeof durationSchema>;
export type OfficePolicy = z.infer<typeof officeSchema>;
export type RolePolicy = z.infer<typeof roleSchema>;
export type LevelPolicy = z.infer<typeof levelSchema>;
export type SeverityPolicy = z.infer<typeof severityPolicySchema>;
export type Policy = z.infer<typeof policySchema>;
