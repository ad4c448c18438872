import { HelpdeskError } from './contract';

/**
 * The few structural reads a page needs to follow a helpdesk's pagination (`next_page`,
 * `nextPageToken`, `total`, ...) without bundling zod. Everything else in a body is parsed by
 * the background with the helpdesk's zod schemas; a shape these reads cannot follow is a
 * 'malformed' error naming where.
 */

export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function malformed(where: string, expected: string, value: unknown): HelpdeskError {
  return new HelpdeskError('malformed', `${where}: ${value === undefined ? 'missing, expected' : 'expected'} ${expected}`);
}

export function objectAt(value: unknown, where: string): JsonObject {
  if (!isJsonObject(value)) throw malformed(where, 'an object', value);
  return value;
}

export function listAt(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) throw malformed(where, 'a list', value);
  return value;
}

export function textAt(value: unknown, where: string): string {
  if (typeof value !== 'string' || value === '') throw malformed(where, 'a non-empty string', value);
  return value;
}

/** A count such as `total`: a non-negative integer. */
export function countAt(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw malformed(where, 'a count', value);
  return value;
}

/** A link or token that may be absent (`next_page: null` on the last page). */
export function optionalTextAt(value: unknown, where: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw malformed(where, 'a string or null', value);
  return value;
}

/** A value read only as a hint (a version, a project type): anything but a string is "unknown". */
export function textOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** Items with an `id`, each once (pages can overlap when a ticket changes while it is read). */
export function uniqueById(items: readonly unknown[]): unknown[] {
  const byId = new Map<unknown, unknown>();
  const withoutId: unknown[] = [];
  for (const item of items) {
    const id = isJsonObject(item) ? item.id : undefined;
    if (id === undefined) withoutId.push(item);
    else byId.set(id, item);
  }
  return [...byId.values(), ...withoutId];
}
