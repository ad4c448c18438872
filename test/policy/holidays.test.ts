import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import chineseDaysData from 'chinese-days/dist/chinese-days.json';
import generated from '../../lib/policy/holidays.generated.json';
import {
  chinaStatutoryHolidays,
  deriveHolidaysFile,
  formatHolidaysFile,
} from '../../scripts/generate-holidays.derive';
import sample from '../fixtures/policy.sample.json';

type OfficeId = keyof typeof generated.offices;

beforeAll(() => {
  // The generator refuses to run west of UTC (see assertUtcProcess); `npm run holidays` sets it too.
  process.env.TZ = 'UTC';
});

describe('lib/policy/holidays.generated.json', () => {
  it('is exactly what the holiday packages and the DGPA table give today (run `npm run holidays` if not)', () => {
    const committed = readFileSync(new URL('../../lib/policy/holidays.generated.json', import.meta.url), 'utf8');
    expect(committed).toBe(formatHolidaysFile(deriveHolidaysFile(generated.years)));
  });

  it('covers the current and the next year', () => {
    expect(generated.years).toEqual([2026, 2027]);
  });

  it.each(Object.keys(generated.offices) as OfficeId[])('%s: dates sorted, unique, inside the covered years', (officeId) => {
    const { holidays, workdays } = generated.offices[officeId];
    for (const dates of [holidays, workdays]) {
      expect(dates).toEqual([...new Set(dates)].sort());
      for (const date of dates) expect(generated.years).toContain(Number(date.slice(0, 4)));
    }
    expect(holidays.filter((date: string) => (workdays as string[]).includes(date))).toEqual([]);
  });

  it.each(Object.keys(sample.offices) as OfficeId[])("%s: contains the sample policy's example dates", (officeId) => {
    const example = sample.offices[officeId];
    expect(generated.offices[officeId].holidays).toEqual(expect.arrayContaining(example.holidays));
    expect(generated.offices[officeId].workdays).toEqual(expect.arrayContaining(example.workdays));
  });
});

describe('known dates', () => {
  const holidays: Array<[office: OfficeId, date: string, what: string]> = [
    ['shanghai', '2026-02-15', 'Spring Festival break starts (腊月二十八)'],
    ['shanghai', '2026-02-17', 'Spring Festival (初一)'],
    ['shanghai', '2026-02-23', 'Spring Festival break ends'],
    ['shanghai', '2026-10-07', 'National Day break ends'],
    ['taichung', '2026-02-16', '農曆除夕'],
    ['taichung', '2026-02-20', '補假 for 小年夜 on a Sunday'],
    ['taichung', '2026-02-27', '補假 for 和平紀念日 on a Saturday'],
    ['taichung', '2026-09-28', '教師節, a day off since the 2025 amendment'],
    ['taichung', '2026-10-09', '補假 for 國慶日 on a Saturday'],
    ['hq', '2026-11-26', 'Thanksgiving'],
    ['hq', '2026-07-03', 'Independence Day observed on Friday'],
    ['hq', '2027-12-31', "New Year's Day 2028 observed on Friday"],
    ['singapore', '2026-08-09', 'National Day'],
    ['singapore', '2026-08-10', 'National Day in lieu (Sunday)'],
    ['singapore', '2027-05-17', 'Hari Raya Haji in lieu (Sunday), by the Holidays Act rule'],
    ['malaysia', '2026-08-31', 'Hari Kebangsaan'],
    ['malaysia', '2026-09-16', 'Hari Malaysia'],
    ['malaysia', '2026-02-01', 'Federal Territory Day (Kuala Lumpur)'],
    ['malaysia', '2026-06-02', 'Vesak in lieu: Sunday 31 May, Monday already the Agong’s birthday'],
  ];
  it.each(holidays)('%s is closed on %s (%s)', (office, date) => {
    expect(generated.offices[office].holidays).toContain(date);
  });

  const workdays: Array<[office: OfficeId, date: string, what: string]> = [
    ['shanghai', '2026-01-04', 'Sunday make-up workday for New Year'],
    ['shanghai', '2026-02-14', 'Saturday make-up workday before Spring Festival'],
    ['shanghai', '2026-02-28', 'Saturday make-up workday after Spring Festival'],
    ['shanghai', '2026-05-09', 'Saturday make-up workday for Labour Day'],
    ['shanghai', '2026-09-20', 'Sunday make-up workday for National Day'],
    ['shanghai', '2026-10-10', 'Saturday make-up workday for National Day'],
  ];
  it.each(workdays)('%s works on %s (%s)', (office, date) => {
    expect(generated.offices[office].workdays).toContain(date);
  });

  it.each([
    ['hq', '2026-11-27', 'the day after Thanksgiving is a company, not a public, holiday'],
    ['hq', '2026-03-31', 'César Chávez Day is a California state-employee holiday'],
    ['shanghai', '2026-03-08', "Women's Day is a half day for some, not a day off for all"],
  ] as Array<[OfficeId, string, string]>)('%s is open on %s (%s)', (office, date) => {
    expect(generated.offices[office].holidays).not.toContain(date);
  });

  it('Taiwan has no make-up workdays in 2026 or 2027 (the DGPA stopped scheduling them)', () => {
    expect(generated.offices.taichung.workdays).toEqual([]);
  });
});

describe("China's statutory days off (used for a year whose arrangement is not published yet)", () => {
  const published = (year: number) =>
    Object.keys(chineseDaysData.holidays).filter((date) => date.startsWith(`${year}-`));

  it.each([2025, 2026])('are all days off in the published %s arrangement', (year) => {
    expect(published(year).length).toBeGreaterThan(0);
    expect(published(year)).toEqual(expect.arrayContaining(chinaStatutoryHolidays(year)));
  });

  it('are 13 days in 2027 with Spring Festival from 除夕 2027-02-05', () => {
    expect(chinaStatutoryHolidays(2027)).toEqual([
      '2027-01-01',
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-04-05',
      '2027-05-01',
      '2027-05-02',
      '2027-06-09',
      '2027-09-15',
      '2027-10-01',
      '2027-10-02',
      '2027-10-03',
    ]);
  });
});
