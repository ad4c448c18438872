/**
 * Whether a time zone name is one the browser can compute with.
 *
 * `Intl.supportedValuesOf('timeZone')` lists only canonical names, so aliases such as `UTC`,
 * `Etc/GMT+8` or `US/Pacific` are missing from it although every engine accepts them; those get
 * a second chance through `Intl.DateTimeFormat`, which throws a RangeError for unknown zones.
 * Offset strings (`+08:00`) are refused: a policy names a place, and offsets ignore DST.
 */
const IANA_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

let canonicalZones: ReadonlySet<string> | undefined;

function canonicalTimeZones(): ReadonlySet<string> {
  if (!canonicalZones) {
    const list = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    canonicalZones = new Set(list);
  }
  return canonicalZones;
}

export function isKnownTimeZone(name: string): boolean {
  if (!IANA_NAME.test(name)) return false;
  if (canonicalTimeZones().has(name)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
