import { describe, expect, it } from 'vitest';
import { peopleFor } from '../../lib/people';
import { sampleDirectory } from './directory-fixture';

const now = new Date('2026-03-10T12:00:00Z');

describe('peopleFor: whom to tell for a role on a ticket', () => {
  const cases: Array<[string, string, string, string | null, string[]]> = [
    ["the organisation's own Sales Rep comes first", 'sales-rep', 'hq', 'Acme Corp', ['Jane Doe']],
    ['organisation names match ignoring case and spaces', 'sales-rep', 'hq', '  acme corp ', ['Jane Doe']],
    ['an organisation without a rep falls back to the role holders', 'sales-rep', 'hq', 'Globex', ['Default Sales']],
    ["an office's own role holder wins over any-office", 'district-sales-manager', 'hq', null, ['Dana Manager']],
    ['an office without its own holder uses the any-office entry', 'district-sales-manager', 'singapore', null, ['Global DSM']],
    ["the Escalation Director is today's on-duty director", 'escalation-director', 'hq', null, ['Blair Week-Two']],
    ['a role nobody holds gives nobody', 'cto', 'hq', null, []],
  ];
  it.each(cases)('%s', (_rule, role, office, org, expected) => {
    expect(peopleFor(sampleDirectory(), role, office, org, now).map((p) => p.name)).toEqual(expected);
  });

  it('falls back to the office role holders when the office has no rotation', () => {
    const directory = sampleDirectory();
    delete directory.directorRotations.hq;
    expect(peopleFor(directory, 'escalation-director', 'hq', null, now).map((p) => p.name)).toEqual(['Fallback Director']);
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    "an office or role named '%s' finds nobody, never a property inherited from Object.prototype",
    (name) => {
      const directory = sampleDirectory();
      expect(peopleFor(directory, 'district-sales-manager', name, null, now).map((p) => p.name)).toEqual(['Global DSM']);
      expect(peopleFor(directory, name, 'hq', null, now)).toEqual([]);
      expect(peopleFor(directory, 'escalation-director', name, null, now)).toEqual([]);
    },
  );

  it('a rotation in a time zone that does not exist names nobody (not `undefined`), so the role holders are used', () => {
    const directory = sampleDirectory();
    const hq = directory.directorRotations.hq;
    if (hq) hq.timeZone = 'Mars/Olympus';
    expect(peopleFor(directory, 'escalation-director', 'hq', null, now).map((p) => p.name)).toEqual(['Fallback Director']);
  });
});
