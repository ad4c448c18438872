/**
 * Derives each office's public holidays and make-up workdays from maintained data packages.
 * Used by scripts/generate-holidays.ts (writes lib/policy/holidays.generated.json) and by the test
 * that proves the committed file is what these packages say. Dev-time only: the packages never
 * reach the extension bundles, only the small generated file does.
 */
import chineseDays from 'chinese-days';
import chineseDaysData from 'chinese-days/dist/chinese-days.json';
import chineseDaysPackage from 'chinese-days/package.json';
import Holidays from 'date-holidays';
import dateHolidaysPackage from 'date-holidays/package.json';
import { taiwanDgpaCalendar, taiwanDgpaSource } from './generate-holidays.taiwan-dgpa';

/** The current and the next year, as SPEC §1 asks; bump both when a year turns (then `npm run holidays`). */
export const HOLIDAY_YEARS = [2026, 2027] as const;

export interface OfficeHolidays {
  country: string;
  holidays: string[];
  workdays: string[];
  source: string;
  generatedFrom: string[];
  /** Known gaps in the data, for the person reviewing the policy. */
  caveats: string[];
}

export interface HolidaysFile {
  comment: string;
  years: number[];
  offices: Record<string, OfficeHolidays>;
}

const dateHolidaysId = `date-holidays@${dateHolidaysPackage.version}`;
const chineseDaysId = `chinese-days@${chineseDaysPackage.version}`;

// ── calendar arithmetic on ISO dates, in UTC so the process time zone can't shift a day ──

function isoDay(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function addDays(date: string, days: number): string {
  const day = isoDay(date);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

function isSunday(date: string): boolean {
  return isoDay(date).getUTCDay() === 0;
}

function sortedUnique(dates: Iterable<string>): string[] {
  return [...new Set(dates)].sort();
}

function inYears(date: string, years: readonly number[]): boolean {
  return years.includes(Number(date.slice(0, 4)));
}

// ── date-holidays: United States, Singapore, Malaysia ──

interface NamedDate {
  date: string;
  name: string;
}

function baseName(name: string): string {
  return name.replace(/\s*\(substitute day\)$/i, '').trim();
}

function publicHolidays(holidays: Holidays, year: number): NamedDate[] {
  return holidays
    .getHolidays(year, 'en')
    .filter((holiday) => holiday.type === 'public')
    .map((holiday) => ({ date: holiday.date.slice(0, 10), name: baseName(holiday.name) }));
}

/**
 * Singapore (Holidays Act 1998 s.4) and Malaysia (Holidays Act 1951 s.3) make the next day that
 * is not already a holiday a public holiday when one falls on a Sunday. date-holidays encodes that
 * only for some fixed-date holidays, so it is applied here to the rest, unless the package already
 * gives an in-lieu day of the same name within two days. One in-lieu day per Sunday: when two
 * holidays share a Sunday, whether a second day is given is announced case by case.
 */
function withSundayInLieuDays(entries: NamedDate[]): NamedDate[] {
  const taken = new Set(entries.map((entry) => entry.date));
  const sundays = sortedUnique(entries.map((entry) => entry.date).filter(isSunday));
  const result = [...entries];
  for (const sunday of sundays) {
    const onThatDay = entries.filter((entry) => entry.date === sunday);
    const packageGivesInLieu = entries.some(
      (other) =>
        other.date > sunday && other.date <= addDays(sunday, 2) && onThatDay.some((entry) => entry.name === other.name),
    );
    if (packageGivesInLieu) continue;
    let inLieu = addDays(sunday, 1);
    while (taken.has(inLieu)) inLieu = addDays(inLieu, 1);
    taken.add(inLieu);
    result.push({ date: inLieu, name: `${onThatDay.map((entry) => entry.name).join(' & ')} (in lieu)` });
  }
  return result;
}

/** Holidays the package knows in one year but not in another: usually a date not entered yet. */
function missingNameCaveats(byYear: Map<number, NamedDate[]>): string[] {
  const all = new Set([...byYear.values()].flat().map((entry) => entry.name));
  const caveats: string[] = [];
  for (const [year, entries] of byYear) {
    const names = new Set(entries.map((entry) => entry.name));
    for (const name of all) {
      if (!names.has(name)) caveats.push(`${year}: ${dateHolidaysId} has no date for ${name} yet, so this office lacks it; add it to the office's holidays once announced`);
    }
  }
  return caveats;
}

function fromDateHolidays(
  years: readonly number[],
  country: string,
  state: string | undefined,
  sundayRule: boolean,
): { holidays: string[]; caveats: string[] } {
  const calendar = state ? new Holidays(country, state) : new Holidays(country);
  const byYear = new Map(years.map((year) => [year, publicHolidays(calendar, year)]));
  const holidays = [...byYear.values()]
    .flatMap((entries) => (sundayRule ? withSundayInLieuDays(entries) : entries))
    .map((entry) => entry.date);
  return {
    holidays: sortedUnique(holidays.filter((date) => inYears(date, years))),
    caveats: missingNameCaveats(byYear),
  };
}

// ── chinese-days: mainland China ──

interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/**
 * The days off that 全国年节及纪念日放假办法 (as revised in 2024) fixes for everyone: 元旦 1 day,
 * 春节 4 (除夕 to 初三), 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3. The State Council's yearly
 * arrangement adds bridge days and make-up workdays around them; until it is published (and in
 * chinese-days) these are the only days known to be off. Lunar and solar-term dates come from
 * chinese-days' calendar functions.
 */
export function chinaStatutoryHolidays(year: number): string[] {
  const lunar = (monthDay: string): string => chineseDays.getSolarDateFromLunar(`${year}-${monthDay}`).date;
  const springFestival = lunar('01-01');
  return sortedUnique([
    `${year}-01-01`,
    addDays(springFestival, -1),
    springFestival,
    addDays(springFestival, 1),
    addDays(springFestival, 2),
    chineseDays.getSolarTermDate(year, 4, 'pure_brightness'),
    `${year}-05-01`,
    `${year}-05-02`,
    lunar('05-05'),
    lunar('08-15'),
    `${year}-10-01`,
    `${year}-10-02`,
    `${year}-10-03`,
  ]);
}

function fromChineseDays(years: readonly number[]): { holidays: string[]; workdays: string[]; caveats: string[] } {
  const data: ChineseDaysData = chineseDaysData;
  const holidays: string[] = [];
  const workdays: string[] = [];
  const caveats: string[] = [];
  for (const year of years) {
    const published = Object.keys(data.holidays).filter((date) => date.startsWith(`${year}-`));
    if (published.length > 0) {
      holidays.push(...published);
      workdays.push(...Object.keys(data.workdays).filter((date) => date.startsWith(`${year}-`)));
    } else {
      holidays.push(...chinaStatutoryHolidays(year));
      caveats.push(
        `${year}: the State Council's holiday arrangement is not in ${chineseDaysId} yet; only the statutory days off are listed, ` +
          'without bridge days or make-up workdays. Update chinese-days and run `npm run holidays` once it is published.',
      );
    }
  }
  return { holidays: sortedUnique(holidays), workdays: sortedUnique(workdays), caveats };
}

// ── Taiwan: the DGPA calendar table ──

function fromTaiwanDgpa(years: readonly number[]): { holidays: string[]; workdays: string[]; caveats: string[] } {
  const caveats = years
    .filter((year) => !taiwanDgpaCalendar[year])
    .map((year) => `${year}: the DGPA calendar for this year is not in the table yet`);
  const known = years.flatMap((year) => {
    const calendar = taiwanDgpaCalendar[year];
    return calendar ? [calendar] : [];
  });
  return {
    holidays: sortedUnique(known.flatMap((year) => year.holidays)),
    workdays: sortedUnique(known.flatMap((year) => year.workdays)),
    caveats,
  };
}

// ── the offices of the default policy ──

function assertUtcProcess(): void {
  // chinese-days formats some dates with local-time getters; in a zone west of UTC they come out a day early.
  if (new Date(2026, 0, 1).getTimezoneOffset() !== 0) {
    throw new Error('Derive holidays with TZ=UTC (npm run holidays sets it).');
  }
}

export function deriveHolidaysFile(years: readonly number[] = HOLIDAY_YEARS): HolidaysFile {
  assertUtcProcess();
  const us = fromDateHolidays(years, 'US', undefined, false);
  const singapore = fromDateHolidays(years, 'SG', undefined, true);
  const malaysia = fromDateHolidays(years, 'MY', '14', true);
  const china = fromChineseDays(years);
  const taiwan = fromTaiwanDgpa(years);
  return {
    comment: 'Generated by `npm run holidays` (scripts/generate-holidays.ts). Do not edit by hand.',
    years: [...years],
    offices: {
      hq: {
        country: 'United States (federal)',
        holidays: us.holidays,
        workdays: [],
        source:
          'US federal public holidays (5 U.S.C. 6103) with their observed days: Saturday → Friday, Sunday → Monday. ' +
          'California state holidays (César Chávez Day, day after Thanksgiving) are not public holidays for private employers and are not included.',
        generatedFrom: [dateHolidaysId],
        caveats: us.caveats,
      },
      shanghai: {
        country: 'China (mainland)',
        holidays: china.holidays,
        workdays: china.workdays,
        source:
          "State Council General Office holiday arrangement (国务院办公厅 节假日安排): days off including bridge days, and the weekend make-up workdays (调休).",
        generatedFrom: [chineseDaysId],
        caveats: china.caveats,
      },
      taichung: {
        country: 'Taiwan',
        holidays: taiwan.holidays,
        workdays: taiwan.workdays,
        source: taiwanDgpaSource,
        generatedFrom: ['scripts/generate-holidays.taiwan-dgpa.ts'],
        caveats: taiwan.caveats,
      },
      singapore: {
        country: 'Singapore',
        holidays: singapore.holidays,
        workdays: [],
        source: 'Singapore gazetted public holidays (Holidays Act 1998), with the Monday in lieu when one falls on a Sunday.',
        generatedFrom: [dateHolidaysId],
        caveats: singapore.caveats,
      },
      malaysia: {
        country: 'Malaysia (Kuala Lumpur)',
        holidays: malaysia.holidays,
        workdays: [],
        source:
          'Malaysian national public holidays plus those of the Federal Territory of Kuala Lumpur (Thaipusam, Federal Territory Day, Nuzul Al-Quran), ' +
          'with the next free day in lieu when one falls on a Sunday (Holidays Act 1951).',
        generatedFrom: [dateHolidaysId],
        caveats: malaysia.caveats,
      },
    },
  };
}

/** JSON with each date list on one line: small, and a changed date shows as a one-line diff. */
export function formatHolidaysFile(file: HolidaysFile): string {
  return `${JSON.stringify(file, null, 2).replace(/\[\s+("[^\]]*?")\s+\]/g, (_match, items: string) => `[${items.split(/,\s+/).join(', ')}]`)}\n`;
}
