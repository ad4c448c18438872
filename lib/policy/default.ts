import generatedHolidays from './holidays.generated.json';
import { parsePolicy } from './parse';
import samplePolicy from './sample-policy.json';
import type { Policy } from './schema';

/**
 * The built-in policy: the company's Support Escalation Guidelines exactly as in the shared
 * sample (sample-policy.json is a copy of shared/policy.sample.json), except that each office
 * carries its country's full public holidays and make-up workdays for the current and next year,
 * generated from holiday data packages by `npm run holidays` into holidays.generated.json.
 */
function withGeneratedHolidays(policy: typeof samplePolicy): unknown {
  const generated: Record<string, { holidays: string[]; workdays: string[] } | undefined> = generatedHolidays.offices;
  const offices = Object.fromEntries(
    Object.entries(policy.offices).map(([officeId, office]) => {
      const calendar = generated[officeId];
      if (!calendar) throw new Error(`holidays.generated.json has no office '${officeId}'; run npm run holidays`);
      return [officeId, { ...office, holidays: calendar.holidays, workdays: calendar.workdays }];
    }),
  );
  return { ...policy, offices };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** Frozen: it is shared by every part of the extension, and a policy is replaced, never edited. */
export const defaultPolicy: Policy = deepFreeze(parsePolicy(withGeneratedHolidays(samplePolicy)));

/** Where each office's holiday list came from and what it is known to lack, for the options page. */
export const defaultHolidaySources: Readonly<
  Record<string, { country: string; source: string; generatedFrom: readonly string[]; caveats: readonly string[] }>
> = deepFreeze(
  Object.fromEntries(
    Object.entries(generatedHolidays.offices).map(([officeId, office]) => [
      officeId,
      { country: office.country, source: office.source, generatedFrom: office.generatedFrom, caveats: office.caveats },
    ]),
  ),
);
