import { z } from 'zod';

/**
 * Names every JavaScript object already has (`constructor`, `toString`, `__proto__`, …). An id
 * with one of these names would find an inherited property instead of nothing (`offices.constructor`
 * is a function) or, as `__proto__`, replace an object's prototype. Ids — offices, roles, levels,
 * directory keys — are refused with these names, and lookups use `Object.hasOwn` as well.
 */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), '__proto__']);

export function isReservedName(id: string): boolean {
  return RESERVED_NAMES.has(id);
}

export function reservedNameMessage(id: string, what: string): string {
  return `'${id}' cannot be ${what}: every JavaScript object already has something of that name; choose another`;
}

/** A non-empty id that is not a reserved name; `what` names it in the message ("an office id"). */
export function idSchema(what: string) {
  return z
    .string()
    .min(1)
    .refine((id) => !isReservedName(id), { error: (issue) => reservedNameMessage(String(issue.input), what) });
}

/**
 * Paths of own `__proto__` keys anywhere in a JSON value. zod drops such a key from a record
 * without a word, so parsers look for them first and name them as a problem instead.
 */
export function protoKeyPaths(value: unknown, path: Array<string | number> = [], found: Array<Array<string | number>> = []): Array<Array<string | number>> {
  if (typeof value !== 'object' || value === null) return found;
  if (Array.isArray(value)) {
    value.forEach((item, index) => protoKeyPaths(item, [...path, index], found));
    return found;
  }
  for (const key of Object.keys(value)) {
    if (key === '__proto__') found.push([...path, key]);
    else protoKeyPaths((value as Record<string, unknown>)[key], [...path, key], found);
  }
  return found;
}

/** `record[key]` only when it is the record's own entry (never `constructor` & co. from the prototype). */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
