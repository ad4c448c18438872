import { z } from 'zod';
import { isReservedName, reservedNameMessage } from '../policy/reserved-names';
import { isKnownTimeZone } from '../policy/time-zone';
import { CsvSyntaxError, formatCsv, parseCsv, unescapeCsvCell } from './csv';
import { type Directory, emptyDirectory, type Person, personSchema } from './directory-schema';
import { DirectoryImportError, type ImportProblem } from './import-error';

/**
 * The directory as one CSV sheet, one person per row:
 *   type = person            role, office ('*' = any office), name, email, phone, chat
 *   type = sales-rep         organization, name, email, phone, chat
 *   type = on-duty-director  office, rotation_week (1, 2, …), name, …; anchor_date, handover_time
 *                            and time_zone on at least one row of the office (and equal on all)
 */

export const DIRECTORY_CSV_COLUMNS = [
  'type',
  'role',
  'office',
  'organization',
  'name',
  'email',
  'phone',
  'chat',
  'rotation_week',
  'anchor_date',
  'handover_time',
  'time_zone',
] as const;
type Column = (typeof DIRECTORY_CSV_COLUMNS)[number];
const REQUIRED: readonly Column[] = ['type', 'name'];

const personFields = ['name', 'email', 'phone', 'chat'] as const;

interface RotationDraft {
  anchorDate?: { value: string; row: number };
  handoverTime?: { value: string; row: number };
  timeZone?: { value: string; row: number };
  weeks: Array<{ week: number; person: Person; row: number }>;
}


export function directoryFromCsv(text: string): Directory {
  let rows: string[][];
  try {
    rows = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new DirectoryImportError([{ row: error.row, message: error.message.replace(/^row \d+: /, '') }]);
    throw error;
  }
  const [header, ...records] = rows;
  if (!header) throw new DirectoryImportError([{ message: 'the file is empty; expected a header row' }]);
  const problems: ImportProblem[] = [];
  const names = header.map((cell) => cell.trim().toLowerCase());
  names.forEach((name, index) => {
    if (!(DIRECTORY_CSV_COLUMNS as readonly string[]).includes(name)) {
      problems.push({ row: 1, column: name || `#${index + 1}`, message: `unknown column; expected ${DIRECTORY_CSV_COLUMNS.join(', ')}` });
    }
  });
  for (const column of REQUIRED) {
    if (!names.includes(column)) problems.push({ row: 1, column, message: 'required column is missing' });
  }
  if (problems.length > 0) throw new DirectoryImportError(problems);

  const directory = emptyDirectory();
  const rotations = new Map<string, RotationDraft>();

  records.forEach((cells, index) => {
    const row = index + 2;
    const cell = (column: Column): string => {
      const at = names.indexOf(column);
      return at < 0 ? '' : unescapeCsvCell((cells[at] ?? '').trim());
    };
    const need = (column: Column): string | null => {
      const value = cell(column);
      if (!value) problems.push({ row, column, message: 'required for this type' });
      return value || null;
    };
    /** A role or office id: required, and never a name every object already has. */
    const needId = (column: 'role' | 'office'): string | null => {
      const value = need(column);
      if (value && isReservedName(value)) {
        problems.push({ row, column, message: reservedNameMessage(value, `a${column === 'office' ? 'n office' : ' role'} id`) });
        return null;
      }
      return value;
    };
    const draft = Object.fromEntries(personFields.map((field) => [field, cell(field) || undefined]));
    const person = personSchema.safeParse(draft);
    if (!person.success) {
      for (const issue of person.error.issues) {
        problems.push({ row, column: String(issue.path[0] ?? 'name'), message: issue.message });
      }
    }
    const type = cell('type').toLowerCase();
    if (type === 'person') {
      const role = needId('role');
      const office = needId('office');
      if (role && office && person.success) ((directory.roles[role] ??= {})[office] ??= []).push(person.data);
    } else if (type === 'sales-rep') {
      const organization = need('organization');
      if (organization && person.success) directory.salesReps.push({ organization, person: person.data });
    } else if (type === 'on-duty-director') {
      const office = needId('office');
      const weekText = need('rotation_week');
      const week = Number(weekText);
      if (weekText && (!Number.isInteger(week) || week < 1)) {
        problems.push({ row, column: 'rotation_week', message: 'expected a whole number from 1' });
      }
      if (!office) return;
      const rotation = rotations.get(office) ?? { weeks: [] };
      rotations.set(office, rotation);
      const setOnce = (column: Column, key: 'anchorDate' | 'handoverTime' | 'timeZone', valid: (v: string) => boolean, expected: string) => {
        const value = cell(column);
        if (!value) return;
        if (!valid(value)) {
          problems.push({ row, column, message: `expected ${expected}` });
          return;
        }
        const earlier = rotation[key];
        if (earlier && earlier.value !== value) {
          problems.push({ row, column, message: `differs from row ${earlier.row} (${earlier.value}) for office ${office}` });
        } else if (!earlier) rotation[key] = { value, row };
      };
      setOnce('anchor_date', 'anchorDate', (v) => z.iso.date().safeParse(v).success, 'a date like 2026-07-06');
      setOnce('handover_time', 'handoverTime', (v) => /^([01]\d|2[0-3]):[0-5]\d$/.test(v), 'a time like 09:00');
      setOnce('time_zone', 'timeZone', isKnownTimeZone, 'an IANA time zone like Asia/Shanghai');
      if (person.success && Number.isInteger(week) && week >= 1) {
        const clash = rotation.weeks.find((w) => w.week === week);
        if (clash) problems.push({ row, column: 'rotation_week', message: `week ${week} of ${office} is already on row ${clash.row}` });
        else rotation.weeks.push({ week, person: person.data, row });
      }
    } else {
      problems.push({ row, column: 'type', message: `"${type}" is not one of person, sales-rep, on-duty-director` });
    }
  });

  for (const [office, rotation] of rotations) {
    const firstRow = Math.min(...rotation.weeks.map((w) => w.row), Number.POSITIVE_INFINITY);
    const missing = (
      [
        ['anchor_date', rotation.anchorDate],
        ['handover_time', rotation.handoverTime],
        ['time_zone', rotation.timeZone],
      ] as const
    ).filter(([, value]) => !value);
    for (const [column] of missing) {
      problems.push({
        ...(Number.isFinite(firstRow) ? { row: firstRow } : {}),
        column,
        message: `the ${office} rotation needs it on at least one row`,
      });
    }
    const weeks = rotation.weeks.map((w) => w.week).sort((a, b) => a - b);
    const gap = weeks.findIndex((week, i) => week !== i + 1);
    if (gap >= 0) {
      problems.push({ column: 'rotation_week', message: `the ${office} rotation skips week ${gap + 1}` });
    }
    if (missing.length === 0 && gap < 0 && rotation.anchorDate && rotation.handoverTime && rotation.timeZone) {
      directory.directorRotations[office] = {
        anchorDate: rotation.anchorDate.value,
        handoverTime: rotation.handoverTime.value,
        timeZone: rotation.timeZone.value,
        people: [...rotation.weeks].sort((a, b) => a.week - b.week).map((w) => w.person),
      };
    }
  }
  if (problems.length > 0) throw new DirectoryImportError(problems);
  return directory;
}

function personCells(person: Person): Pick<Record<Column, string>, 'name' | 'email' | 'phone' | 'chat'> {
  return { name: person.name, email: person.email ?? '', phone: person.phone ?? '', chat: person.chat ?? '' };
}

export function directoryToCsv(directory: Directory): string {
  const blank = Object.fromEntries(DIRECTORY_CSV_COLUMNS.map((c) => [c, ''])) as Record<Column, string>;
  const rows: Array<Record<Column, string>> = [];
  for (const [role, offices] of Object.entries(directory.roles)) {
    for (const [office, people] of Object.entries(offices)) {
      for (const person of people) rows.push({ ...blank, type: 'person', role, office, ...personCells(person) });
    }
  }
  for (const rep of directory.salesReps) {
    rows.push({ ...blank, type: 'sales-rep', organization: rep.organization, ...personCells(rep.person) });
  }
  for (const [office, rotation] of Object.entries(directory.directorRotations)) {
    rotation.people.forEach((person, index) => {
      rows.push({
        ...blank,
        type: 'on-duty-director',
        office,
        rotation_week: String(index + 1),
        anchor_date: rotation.anchorDate,
        handover_time: rotation.handoverTime,
        time_zone: rotation.timeZone,
        ...personCells(person),
      });
    });
  }
  return formatCsv([[...DIRECTORY_CSV_COLUMNS], ...rows.map((row) => DIRECTORY_CSV_COLUMNS.map((c) => row[c]))]);
}

