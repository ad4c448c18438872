import type { z } from 'zod';
import { describeZodIssues } from './parsed-item';

/**
 * Repairs a settings object field by field: every top-level field that parses is kept, every one
 * that does not is reset to its default with a reason, so one bad field never costs the others.
 */
export function repairFields<T extends Record<string, unknown>>(
  shape: { [K in keyof T]: z.ZodType<T[K]> },
  raw: unknown,
  defaults: T,
  report: (reason: string) => void,
): T {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    report('not an object; every field reset to its default');
    return { ...defaults };
  }
  const source = raw as Record<string, unknown>;
  const result = { ...defaults };
  for (const field of Object.keys(shape) as Array<keyof T & string>) {
    if (!(field in source)) continue;
    const parsed = shape[field].safeParse(source[field]);
    if (parsed.success) result[field] = parsed.data;
    else report(`field ${field} reset to its default: ${describeZodIssues(parsed.error, field)}`);
  }
  return result;
}
