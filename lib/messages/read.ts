/**
 * Hand-written readers for the shapes that reach helpdesk pages, which do not bundle zod (30 KB
 * budget). A reader checks an unknown value and returns it typed; its type is derived from it
 * (`Infer`), so each shape is written once. A value of the wrong shape throws a ReadError naming
 * its path. The router wraps the same readers for zod (page-view-schema.ts).
 */

export class ReadError extends Error {
  override name = 'ReplyShapeError';
}

export type Read<T> = (value: unknown, path: string) => T;
export type Infer<R> = R extends Read<infer T> ? T : never;

function fail(path: string, expected: string): never {
  throw new ReadError(`${path}: expected ${expected}`);
}

export const object: Read<Record<string, unknown>> = (value, path) =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : fail(path, 'an object');
export const text: Read<string> = (value, path) => (typeof value === 'string' ? value : fail(path, 'a string'));
export const number: Read<number> = (value, path) => (typeof value === 'number' && Number.isFinite(value) ? value : fail(path, 'a number'));
export const integer: Read<number> = (value, path) => (Number.isInteger(number(value, path)) ? (value as number) : fail(path, 'a whole number'));
export const flag: Read<boolean> = (value, path) => (typeof value === 'boolean' ? value : fail(path, 'true or false'));

export function nullable<T>(read: Read<T>): Read<T | null> {
  return (value, path) => (value === null ? null : read(value, path));
}

export function listOf<T>(read: Read<T>): Read<T[]> {
  return (value, path) => (Array.isArray(value) ? value.map((item, index) => read(item, `${path}[${index}]`)) : fail(path, 'a list'));
}

export function oneOf<const T extends string | number>(options: readonly T[]): Read<T> {
  return (value, path) => (options.includes(value as T) ? (value as T) : fail(path, `one of ${options.join(', ')}`));
}

/** Reads each named field of an object with its reader; the result holds the named fields only. */
export function fields<R extends Record<string, Read<unknown>>>(readers: R): Read<{ [K in keyof R]: Infer<R[K]> }> {
  return (value, path) => {
    const source = object(value, path);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(readers)) out[key] = (readers[key] as Read<unknown>)(source[key], `${path}.${key}`);
    return out as { [K in keyof R]: Infer<R[K]> };
  };
}
