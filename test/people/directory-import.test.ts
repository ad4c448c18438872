import { describe, expect, it } from 'vitest';
import {
  DirectoryImportError,
  directoryFromCsv,
  directoryFromJson,
  directoryToCsv,
  directoryToJson,
  parseCsv,
} from '../../lib/people';
import { sampleDirectory } from './directory-fixture';

const HEADER = 'type,role,office,organization,name,email,phone,chat,rotation_week,anchor_date,handover_time,time_zone';

function importErrors(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof DirectoryImportError) return error.message.split('\n');
    throw error;
  }
  throw new Error('expected the import to be refused');
}

describe('directory CSV', () => {
  it('round-trips the directory through CSV', () => {
    expect(directoryFromCsv(directoryToCsv(sampleDirectory()))).toEqual(sampleDirectory());
  });

  it('round-trips the directory through JSON', () => {
    expect(directoryFromJson(directoryToJson(sampleDirectory()))).toEqual(sampleDirectory());
  });

  it('keeps a phone number starting with + intact while guarding against spreadsheet formulas', () => {
    const csv = directoryToCsv(sampleDirectory());
    expect(csv).toContain("'+1 555 0100");
    expect(directoryFromCsv(csv).roles['district-sales-manager']?.hq?.[0]?.phone).toBe('+1 555 0100');
  });

  it('reads quoted names with commas, quotes and line breaks', () => {
    const csv = `${HEADER}\r\nperson,cto,*,,"Smith, ""Ace""\nJr",,,,,,,\r\n`;
    expect(directoryFromCsv(csv).roles.cto?.['*']?.[0]?.name).toBe('Smith, "Ace"\nJr');
  });

  it('accepts columns in any order and leaves out optional ones', () => {
    const csv = 'name,type,role,office\nPat,person,cto,hq\n';
    expect(directoryFromCsv(csv).roles.cto?.hq).toEqual([{ name: 'Pat' }]);
  });

  const refused: Array<[string, string, RegExp]> = [
    ['a bad email names its row and column', `${HEADER}\nperson,cto,hq,,Pat,not-an-email,,,,,,`, /^row 2, column "email": /],
    ['a missing role names its row and column', `${HEADER}\nperson,,hq,,Pat,,,,,,,`, /^row 2, column "role": required for this type/],
    ['an unknown type is named', `${HEADER}\nboss,,hq,,Pat,,,,,,,`, /^row 2, column "type": "boss" is not one of/],
    ['an unknown column is named', 'type,name,nickname\nperson,Pat,P', /^row 1, column "nickname": unknown column/],
    ['a missing name column is named', 'type,role\nperson,cto', /^row 1, column "name": required column is missing/],
    ['an unclosed quote names its row', `${HEADER}\nperson,cto,hq,,"Pat`, /^row 2: a quoted field is never closed/],
    ['a bad time zone names its row', `${HEADER}\non-duty-director,,hq,,Pat,,,,1,2026-03-02,09:00,Mars/Olympus`, /^row 2, column "time_zone": expected an IANA time zone/],
    ['rotation rows must agree on the anchor', `${HEADER}\non-duty-director,,hq,,A,,,,1,2026-03-02,09:00,UTC\non-duty-director,,hq,,B,,,,2,2026-03-09,,`, /^row 3, column "anchor_date": differs from row 2/],
    ['a rotation must not skip weeks', `${HEADER}\non-duty-director,,hq,,A,,,,1,2026-03-02,09:00,UTC\non-duty-director,,hq,,B,,,,3,,,`, /column "rotation_week": the hq rotation skips week 2/],
    ['a rotation needs its handover time', `${HEADER}\non-duty-director,,hq,,A,,,,1,2026-03-02,,UTC`, /^row 2, column "handover_time": the hq rotation needs it/],
    ['an empty file is refused', '', /the file is empty/],
  ];
  it.each(refused)('%s', (_rule, csv, error) => {
    expect(importErrors(() => directoryFromCsv(csv))).toEqual(expect.arrayContaining([expect.stringMatching(error)]));
  });

  it('reports every problem at once, not only the first', () => {
    const csv = `${HEADER}\nperson,,hq,,Pat,bad,,,,,,\nperson,cto,,,,,,,,,,`;
    expect(importErrors(() => directoryFromCsv(csv)).length).toBeGreaterThanOrEqual(4);
  });
});

describe('directory JSON', () => {
  it('names the JSON path of a malformed entry', () => {
    const json = JSON.stringify({ ...sampleDirectory(), salesReps: [{ organization: 'Acme', person: { name: '' } }] });
    expect(importErrors(() => directoryFromJson(json))).toEqual([expect.stringMatching(/^column "salesReps\.0\.person\.name": a name is required/)]);
  });

  it('says when the file is not JSON at all', () => {
    expect(importErrors(() => directoryFromJson('{roles'))[0]).toMatch(/^not valid JSON/);
  });
});

describe('CSV syntax', () => {
  it('skips blank lines and reads CRLF and LF alike', () => {
    expect(parseCsv('a,b\r\n\r\nc,d\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });
});
