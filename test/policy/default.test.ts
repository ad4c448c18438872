import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultPolicy, parsePolicy } from '../../lib/policy';
import generated from '../../lib/policy/holidays.generated.json';
import samplePolicy from '../../lib/policy/sample-policy.json';
import fixture from '../fixtures/policy.sample.json';

const sharedSample = new URL('../../../shared/policy.sample.json', import.meta.url);

function withoutHolidayLists(policy: { offices: Record<string, object> }): unknown {
  const offices = Object.fromEntries(
    Object.entries(policy.offices).map(([id, office]) => {
      const { holidays: _holidays, workdays: _workdays, ...rest } = office as Record<string, unknown>;
      return [id, rest];
    }),
  );
  return { ...policy, offices };
}

describe('defaultPolicy', () => {
  it('parses as a policy', () => {
    expect(parsePolicy(defaultPolicy)).toEqual(defaultPolicy);
  });

  it('equals the sample policy apart from holiday and workday lists', () => {
    expect(withoutHolidayLists(defaultPolicy)).toEqual(withoutHolidayLists(fixture));
  });

  it.each(Object.keys(fixture.offices))("gives office %s the generated country calendar", (officeId) => {
    const calendar = generated.offices[officeId as keyof typeof generated.offices];
    expect(defaultPolicy.offices[officeId]?.holidays).toEqual(calendar.holidays);
    expect(defaultPolicy.offices[officeId]?.workdays).toEqual(calendar.workdays);
  });

  it('is frozen, so no caller can change it for everyone else', () => {
    expect(Object.isFrozen(defaultPolicy)).toBe(true);
    expect(Object.isFrozen(defaultPolicy.offices.hq?.holidays)).toBe(true);
  });
});

describe('lib/policy/sample-policy.json', () => {
  it('is a copy of the test fixture', () => {
    expect(samplePolicy).toEqual(fixture);
  });

  it.skipIf(!existsSync(sharedSample))('is a copy of shared/policy.sample.json', () => {
    expect(samplePolicy).toEqual(JSON.parse(readFileSync(sharedSample, 'utf8')));
  });
});
