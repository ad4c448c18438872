import { describe, expect, it } from 'vitest';
import { parsePolicy, PolicyError } from '../../lib/policy/parse';
import type { PolicyIssue } from '../../lib/policy/parse';
import sample from '../fixtures/policy.sample.json';

type Mutable = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test edits arbitrary JSON

function sampleWith(edit: (policy: Mutable) => void): Mutable {
  const policy = structuredClone(sample) as Mutable;
  edit(policy);
  return policy;
}

function issuesOf(input: unknown): PolicyIssue[] {
  try {
    parsePolicy(input);
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyError);
    return (error as PolicyError).issues;
  }
  throw new Error('expected parsePolicy to reject the input');
}

describe('parsePolicy accepts', () => {
  it('the shared sample policy', () => {
    const policy = parsePolicy(sample);
    expect(policy.offices.shanghai?.workdays).toEqual(['2026-09-20', '2026-10-10']);
    expect(policy.severities['1'].response).toEqual({ minutes: 30 });
  });

  it('the sample as JSON text, as when a file is imported', () => {
    expect(parsePolicy(JSON.stringify(sample))).toEqual(parsePolicy(sample));
  });

  it.each([
    ['UTC', 'an alias missing from Intl.supportedValuesOf'],
    ['Etc/GMT+8', 'a fixed-offset Etc zone'],
    ['Europe/Berlin', 'a canonical zone'],
  ])('time zone %s (%s)', (timeZone) => {
    const policy = parsePolicy(sampleWith((p) => (p.offices.hq.timeZone = timeZone)));
    expect(policy.offices.hq?.timeZone).toBe(timeZone);
  });

  it('fractional hours and business hours', () => {
    const policy = parsePolicy(
      sampleWith((p) => {
        p.severities['2'].escalate.l2 = { hours: 1.5 };
        p.severities['2'].escalate.l3 = { businessHours: 6 };
      }),
    );
    expect(policy.severities['2'].escalate).toMatchObject({ l2: { hours: 1.5 }, l3: { businessHours: 6 } });
  });
});

describe('parsePolicy rejects, naming the path', () => {
  const cases: Array<[rule: string, edit: (p: Mutable) => void, path: string, words: RegExp]> = [
    ['a level may only engage a defined role', (p) => p.levels[0].engage.push('l4'), 'levels[0].engage[1]', /'l4' is not one of the roles/],
    ['a level may only notify a defined role', (p) => (p.levels[1].notify = ['sales-repp']), 'levels[1].notify[0]', /'sales-repp' is not one of the roles/],
    ['an on-request role must be defined', (p) => (p.levels[3].onRequest = ['cfo']), 'levels[3].onRequest[0]', /'cfo' is not one of the roles/],
    ['escalate names existing levels', (p) => (p.severities['1'].escalate.l9 = { hours: 20 }), 'severities.1.escalate.l9', /'l9' is not one of the levels/],
    ['escalate never names the first level', (p) => (p.severities['2'].escalate.l1 = { hours: 1 }), 'severities.2.escalate.l1', /first level/],
    ['level ids are unique', (p) => (p.levels[2].id = 'l2'), 'levels[2].id', /already the id of levels\[1\]/],
    ['the default office exists', (p) => (p.defaultOffice = 'paris'), 'defaultOffice', /'paris' is not one of the offices/],
    ['a time zone must be known', (p) => (p.offices.hq.timeZone = 'Mars/Olympus'), 'offices.hq.timeZone', /'Mars\/Olympus' is not a known time zone/],
    ['a time zone is a name, not an offset', (p) => (p.offices.hq.timeZone = '+08:00'), 'offices.hq.timeZone', /not a known time zone/],
    ['hours are HH:MM on a 24-hour clock', (p) => (p.offices.hq.hours.mon = ['09:00', '25:00']), 'offices.hq.hours.mon[1]', /'25:00' is not a time/],
    ['hours need two digits', (p) => (p.offices.hq.hours.tue = ['9:00', '18:00']), 'offices.hq.hours.tue[0]', /'9:00' is not a time/],
    ['an office closes after it opens', (p) => (p.offices.hq.hours.wed = ['18:00', '09:00']), 'offices.hq.hours.wed[1]', /not after it opens/],
    ['opening and closing at the same time is no opening', (p) => (p.offices.hq.hours.thu = ['09:00', '09:00']), 'offices.hq.hours.thu[1]', /not after it opens/],
    ['opening hours are a pair', (p) => (p.offices.hq.hours.fri = ['09:00']), 'offices.hq.hours.fri', /pair of times/],
    ['weekdays are spelled mon..sun', (p) => (p.offices.hq.hours.monday = ['09:00', '18:00']), 'offices.hq.hours.monday', /not a weekday/],
    ['an office opens on at least one weekday', (p) => (p.offices.taichung.hours = {}), 'offices.taichung.hours', /no weekday has opening hours/],
    ['a holiday is a real date', (p) => p.offices.hq.holidays.push('2026-02-30'), 'offices.hq.holidays[3]', /'2026-02-30' is not a real date/],
    ['a holiday is written YYYY-MM-DD', (p) => p.offices.hq.holidays.push('26/12/2026'), 'offices.hq.holidays[3]', /not a real date written YYYY-MM-DD/],
    ['a workday is a real date', (p) => (p.offices.shanghai.workdays = ['2027-13-01']), 'offices.shanghai.workdays[0]', /not a real date/],
    ['a date is not both holiday and workday', (p) => (p.offices.shanghai.workdays = ['2026-10-01']), 'offices.shanghai.workdays[0]', /also listed as a holiday/],
    ['a duration is positive', (p) => (p.severities['1'].escalate.l2 = { hours: -2 }), 'severities.1.escalate.l2.hours', /more than 0, found -2/],
    ['a duration is not zero', (p) => (p.severities['1'].response = { minutes: 0 }), 'severities.1.response.minutes', /more than 0, found 0/],
    ['a duration is a finite number', (p) => (p.severities['2'].response = { hours: Number.NaN }), 'severities.2.response.hours', /positive number, found NaN/],
    ['a duration is not infinite', (p) => (p.severities['2'].response = { hours: Number.POSITIVE_INFINITY }), 'severities.2.response.hours', /positive number/],
    ['a duration amount is a number', (p) => (p.severities['2'].response = { hours: '2' }), 'severities.2.response.hours', /should be a number, found the text '2'/],
    ['business days are whole', (p) => (p.severities['3'].response = { businessDays: 1.5 }), 'severities.3.response.businessDays', /whole number/],
    ['a duration has exactly one unit', (p) => (p.severities['1'].response = { hours: 1, minutes: 30 }), 'severities.1.response', /gives hours and minutes; give exactly one unit/],
    ['a duration has a unit', (p) => (p.severities['1'].updates.every = {}), 'severities.1.updates.every', /is empty/],
    ['a duration unit is one of the four', (p) => (p.severities['1'].warnBefore = { days: 1 }), 'severities.1.warnBefore.days', /'days' is not a unit/],
    ['a warning is shorter than the first deadline', (p) => (p.severities['1'].warnBefore = { hours: 1 }), 'severities.1.warnBefore', /not shorter than the response target \(30 min\)/],
    ['a warning counts back in minutes or hours', (p) => (p.severities['3'].warnBefore = { businessDays: 1 }), 'severities.3.warnBefore', /not businessDays/],
    ['a warning needs a deadline', (p) => (p.severities['4'].warnBefore = { minutes: 10 }), 'severities.4.warnBefore', /no response, escalation or update deadline/],
    ['every field is required', (p) => delete p.offices.taichung.timeZone, 'offices.taichung.timeZone', /^is missing$/],
    ['every severity is required', (p) => delete p.severities['4'], 'severities.4', /^is missing$/],
    ['the format version is 1', (p) => (p.version = 2), 'version', /reads policy format version 1, found the number 2/],
    ['fields are spelled as in the format', (p) => (p.offices.hq.timezone = 'UTC'), 'offices.hq.timezone', /not part of the policy format/],
    ['a role kind is engineer or notify', (p) => (p.roles.cto.kind = 'boss'), 'roles.cto.kind', /one of 'engineer', 'notify'/],
    ['there is at least one level', (p) => (p.levels = []), 'levels', /at least 1/],
    ['names are text', (p) => (p.name = 7), 'name', /should be text, found the number 7/],
  ];

  it.each(cases)('%s', (_rule, edit, path, words) => {
    const issues = issuesOf(sampleWith(edit));
    expect(issues).toContainEqual({ path, message: expect.stringMatching(words) });
  });

  it.each([
    ['a number', 42, /found the number 42/],
    ['a list', [], /found a list/],
    ['null', null, /found null/],
  ])('a policy that is %s rather than an object', (_what, input, words) => {
    expect(issuesOf(input)).toEqual([{ path: '', message: expect.stringMatching(words) }]);
  });

  it('JSON text with a syntax error, saying it is not valid JSON', () => {
    const issues = issuesOf('{"version": 1,\n  "name": }');
    expect(issues).toEqual([{ path: '', message: expect.stringMatching(/not valid JSON/) }]);
  });

  it('a policy with several problems, listing every one of them', () => {
    const policy = sampleWith((p) => {
      p.offices.hq.timeZone = 'Mars/Olympus';
      p.offices.singapore.hours.mon = ['09:00', '25:00'];
      p.severities['1'].escalate.l2 = { hours: -1 };
      p.levels[1].notify = ['sales-repp'];
      p.defaultOffice = 'paris';
    });
    const paths = issuesOf(policy).map((issue) => issue.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'offices.hq.timeZone',
        'offices.singapore.hours.mon[1]',
        'severities.1.escalate.l2.hours',
        'levels[1].notify[0]',
        'defaultOffice',
      ]),
    );
    expect(paths).toHaveLength(5);
  });

  it('puts every problem with its path into the error message', () => {
    const error = (() => {
      try {
        parsePolicy(sampleWith((p) => (p.offices.hq.timeZone = 'Mars/Olympus')));
      } catch (caught) {
        return caught as PolicyError;
      }
      throw new Error('expected a PolicyError');
    })();
    expect(error.name).toBe('PolicyError');
    expect(error.message).toContain("offices.hq.timeZone: 'Mars/Olympus' is not a known time zone");
  });
});

describe('parsePolicy edge cases', () => {
  it('reads JSON text saved with a byte-order mark', () => {
    expect(parsePolicy(`\uFEFF${JSON.stringify(sample)}`)).toEqual(parsePolicy(sample));
  });

  it('says so when there are no offices at all', () => {
    const issues = issuesOf(sampleWith((p) => (p.offices = {})));
    expect(issues).toContainEqual({ path: 'offices', message: expect.stringMatching(/there are no offices/) });
  });
});
