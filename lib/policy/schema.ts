import { z } from 'zod';

/**
 * The policy format of shared/policy.sample.json. Structural shape only here;
 * cross-checks (references, time zones, hours order) live in parse.ts.
 */

export const durationSchema = z.union([
  z.strictObject({ minutes: z.number() }),
  z.strictObject({ hours: z.number() }),
  z.strictObject({ businessHours: z.number() }),
  z.strictObject({ businessDays: z.number() }),
]);

export const weekdayKeys = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekdayKey = (typeof weekdayKeys)[number];

export const hoursRangeSchema = z.tuple([z.string(), z.string()]);

export const officeSchema = z.strictObject({
  name: z.string(),
  timeZone: z.string(),
  hours: z.partialRecord(z.enum(weekdayKeys), hoursRangeSchema),
  holidays: z.array(z.string()),
  workdays: z.array(z.string()),
});

export const roleSchema = z.strictObject({
  name: z.string(),
  kind: z.enum(['engineer', 'notify']),
});

export const levelSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  engage: z.array(z.string()),
  notify: z.array(z.string()),
  onRequest: z.array(z.string()).optional(),
});

export const severityPolicySchema = z.strictObject({
  name: z.string(),
  response: durationSchema.optional(),
  escalate: z.record(z.string(), durationSchema).optional(),
  updates: z
    .strictObject({
      every: durationSchema.optional(),
      afterWorkaround: durationSchema.optional(),
    })
    .optional(),
  warnBefore: durationSchema.optional(),
});

export const policySchema = z.strictObject({
  version: z.literal(1),
  name: z.string(),
  defaultOffice: z.string(),
  pauseWhile: z.array(z.enum(['waiting', 'active'])),
  offices: z.record(z.string(), officeSchema),
  roles: z.record(z.string(), roleSchema),
  levels: z.array(levelSchema),
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
