export { parsePolicy, PolicyError } from './parse';
export type { PolicyIssue } from './parse';
export { defaultPolicy, defaultHolidaySources } from './default';
export { formatDuration, durationUnit, durationAmount, wallClockMinutes, durationUnits } from './duration';
export type { DurationUnit } from './duration';
export { policySchema, durationSchema, weekdayKeys } from './schema';
export type {
  Policy,
  Duration,
  OfficePolicy,
  RolePolicy,
  LevelPolicy,
  SeverityPolicy,
  WeekdayKey,
} from './schema';
