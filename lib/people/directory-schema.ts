import { z } from 'zod';
import { idSchema } from '../policy/reserved-names';
import { timeZoneSchema } from '../policy/schema';

/**
 * The people directory: who holds each role, per office; the Sales Rep of each customer
 * organisation; the on-duty Escalation Director as a weekly rotation per office.
 */

/** Office id, or '*' for "any office" (used when the office has nobody of its own). */
export const ANY_OFFICE = '*';

export const personSchema = z.object({
  name: z.string().trim().min(1, 'a name is required'),
  email: z.email().optional(),
  phone: z.string().trim().min(1).optional(),
  /** Slack / Teams / other chat deep link. */
  chat: z.url().optional(),
});
export type Person = z.infer<typeof personSchema>;

export const salesRepSchema = z.object({
  /** Customer organisation as the helpdesk names it; matched ignoring case and surrounding spaces. */
  organization: z.string().trim().min(1),
  person: personSchema,
});
export type SalesRepAssignment = z.infer<typeof salesRepSchema>;

const localDate = z.iso.date();
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM (24-hour)');

export const rotationSchema = z.object({
  /** The local date of one handover (usually a Monday); the first person is on duty from then. */
  anchorDate: localDate,
  /** Local time of the weekly handover. */
  handoverTime: clockTime,
  /** IANA time zone the handover is in (the office's). */
  timeZone: timeZoneSchema,
  /** On duty in turn, one week each, repeating. */
  people: z.array(personSchema).min(1, 'a rotation needs at least one person'),
});
export type DirectorRotation = z.infer<typeof rotationSchema>;

/** Role and office ids: never a name every object already has (`constructor`, `__proto__`, …). */
export const directoryRoleId = idSchema('a role id');
export const directoryOfficeId = idSchema("an office id (or '*')");

export const directorySchema = z.object({
  /** role id → office id (or '*') → people. */
  roles: z.record(directoryRoleId, z.record(directoryOfficeId, z.array(personSchema))),
  salesReps: z.array(salesRepSchema),
  /** office id → weekly rotation of the on-duty Escalation Director. */
  directorRotations: z.record(directoryOfficeId, rotationSchema),
});
export type Directory = z.infer<typeof directorySchema>;

export const emptyDirectory = (): Directory => ({ roles: {}, salesReps: [], directorRotations: {} });
