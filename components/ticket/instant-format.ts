import { browserTimeZone, formatInstant, uiLanguage } from '../../lib/i18n';

/**
 * "Tue, Jul 14, 16:00" in the engineer's zone, followed by the office's reading when it
 * differs, so a Shanghai engineer on an HQ ticket sees both.
 */
export function formatInstantInZones(at: Date, officeTimeZone: string, officeLabel: (text: string) => string): string {
  const locale = uiLanguage();
  const mine = formatInstant(at, browserTimeZone(), locale);
  const theirs = formatInstant(at, officeTimeZone, locale);
  return mine === theirs ? mine : `${mine} ${officeLabel(theirs)}`;
}

export { browserTimeZone as engineerTimeZone };
