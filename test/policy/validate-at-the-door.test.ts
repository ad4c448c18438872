import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { directoryFromCsv, directoryFromJson, DirectoryImportError } from '../../lib/people';
import { directorySchema } from '../../lib/people/directory-schema';
import { defaultPolicy, parsePolicy, PolicyError } from '../../lib/policy';
import { DURATION_MAX } from '../../lib/policy/duration';
import {
  directoryItem,
  getEffectivePolicy,
  notificationSettingsItem,
  saveUserPolicy,
  setStorageProblemSink,
  type StorageProblem,
} from '../../lib/storage';
import sample from '../fixtures/policy.sample.json';
import { sampleDirectory } from '../people/directory-fixture';

/** Issue 12, item 2: what a user types, a file holds or a store keeps is checked where it comes in. */

function problemsOf(input: unknown): Array<{ path: string; message: string }> {
  try {
    parsePolicy(input);
  } catch (error) {
    if (error instanceof PolicyError) return error.issues;
    throw error;
  }
  throw new Error('expected the policy to be refused');
}

const withResponse = (response: unknown) => ({
  ...sample,
  severities: { ...sample.severities, '1': { ...sample.severities['1'], response } },
});

let problems: StorageProblem[];
beforeEach(() => {
  fakeBrowser.reset();
  problems = [];
  setStorageProblemSink((problem) => problems.push(problem));
});

describe('durations are bounded (nothing past ten years)', () => {
  it.each([
    [{ minutes: 1e300 }, 'severities.1.response.minutes', /at most 5,256,000 minutes/],
    [{ hours: 87_601 }, 'severities.1.response.hours', /at most 87,600 hours/],
    [{ businessHours: 20_001 }, 'severities.1.response.businessHours', /at most 20,000 business hours/],
    [{ businessDays: 1_000_000 }, 'severities.1.response.businessDays', /at most 2,500 business days/],
  ])('%j is refused at its path', (duration, path, message) => {
    expect(problemsOf(withResponse(duration))).toEqual([{ path, message: expect.stringMatching(message) }]);
  });

  it('the largest amount of each unit is accepted', () => {
    for (const [unit, max] of Object.entries(DURATION_MAX)) {
      expect(() => parsePolicy(withResponse({ [unit]: max }))).not.toThrow();
    }
  });
});

describe('ids that are names of Object.prototype are refused', () => {
  it.each(['constructor', 'toString', 'hasOwnProperty', '__proto__'])("defaultOffice '%s'", (name) => {
    expect(problemsOf({ ...sample, defaultOffice: name })).toEqual(
      expect.arrayContaining([{ path: 'defaultOffice', message: expect.stringMatching(/every JavaScript object already has/) }]),
    );
  });

  it("an office id 'constructor' is refused at its path", () => {
    const offices = { ...sample.offices, constructor: sample.offices.hq };
    expect(problemsOf({ ...sample, offices })).toEqual(
      expect.arrayContaining([{ path: 'offices.constructor', message: expect.stringMatching(/cannot be an office id/) }]),
    );
  });

  it("a '__proto__' role in imported JSON text is named, not silently dropped", () => {
    const text = JSON.stringify(sample).replace('"roles":{', '"roles":{"__proto__":{"name":"Evil","kind":"notify"},');
    expect(problemsOf(text)).toEqual([{ path: 'roles.__proto__', message: expect.stringMatching(/'__proto__' cannot be/) }]);
  });

  it("a level id 'valueOf' is refused", () => {
    const levels = sample.levels.map((level, index) => (index === 1 ? { ...level, id: 'valueOf' } : level));
    expect(problemsOf({ ...sample, levels }).map((issue) => issue.path)).toContain('levels[1].id');
  });

  it('the shared sample still parses, names and shapes unchanged', () => {
    expect(parsePolicy(sample).offices.hq?.timeZone).toBe('America/Los_Angeles');
  });
});

describe('time zones are checked by the directory schema, its JSON and CSV import and its repair', () => {
  const badRotation = { anchorDate: '2026-03-02', handoverTime: '09:00', timeZone: 'Mars/Olympus', people: [{ name: 'A' }] };

  it('the schema refuses a rotation whose zone is not real', () => {
    expect(directorySchema.safeParse({ ...sampleDirectory(), directorRotations: { hq: badRotation } }).success).toBe(false);
  });

  it('JSON import names the rotation zone', () => {
    const json = JSON.stringify({ ...sampleDirectory(), directorRotations: { hq: badRotation } });
    expect(() => directoryFromJson(json)).toThrow(/directorRotations\.hq\.timeZone.*not a known time zone/);
  });

  it('CSV import refuses an offset instead of a zone', () => {
    const csv = 'type,office,name,rotation_week,anchor_date,handover_time,time_zone\non-duty-director,hq,A,1,2026-03-02,09:00,+08:00\n';
    expect(() => directoryFromCsv(csv)).toThrow(/time_zone.*IANA time zone/);
  });

  it('a stored rotation with a bad zone is dropped with a reason; everything else is kept', async () => {
    const stored = { ...sampleDirectory(), directorRotations: { ...sampleDirectory().directorRotations, hq: badRotation } };
    await fakeBrowser.storage.local.set({ peopleDirectory: stored });
    const directory = await directoryItem.get();
    expect(Object.keys(directory.directorRotations)).toEqual(['shanghai']);
    expect(directory.roles).toEqual(sampleDirectory().roles);
    expect(problems.map((p) => p.reason).join('\n')).toMatch(/directorRotations\.hq dropped/);
  });
});

describe('directory ids that are names of Object.prototype', () => {
  it("a CSV role '__proto__' is refused and pollutes nothing", () => {
    const csv = 'type,role,office,name\nperson,__proto__,hq,Mallory\nperson,constructor,hq,Eve\n';
    let error: unknown;
    try {
      directoryFromCsv(csv);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DirectoryImportError);
    expect((error as DirectoryImportError).problems.map((p) => `${p.row}:${p.column}`)).toEqual(['2:role', '3:role']);
    expect(({} as Record<string, unknown>).hq).toBeUndefined();
  });

  it("JSON import names an office '__proto__'", () => {
    const json = '{"roles":{"cto":{"__proto__":[{"name":"X"}]}},"salesReps":[],"directorRotations":{}}';
    expect(() => directoryFromJson(json)).toThrow(/roles\.cto\.__proto__/);
  });

  it('a stored directory keeps every valid entry when one key is a reserved name', async () => {
    await fakeBrowser.storage.local.set({
      peopleDirectory: { ...sampleDirectory(), roles: { ...sampleDirectory().roles, constructor: { hq: [{ name: 'X' }] } } },
    });
    expect((await directoryItem.get()).roles).toEqual(sampleDirectory().roles);
  });
});

describe('quiet hours', () => {
  it('a stored zone that is not real keeps quiet hours on, in the browser zone, with a reason', async () => {
    await fakeBrowser.storage.sync.set({
      notificationSettings: {
        warnBeforeMinutes: {},
        quietHours: { enabled: true, start: '19:00', end: '08:00', days: ['mon'], timeZone: 'Mars/Olympus' },
        sound: true,
        reminderMinutes: 30,
      },
    });
    const settings = await notificationSettingsItem.get();
    expect(settings.quietHours).toEqual({ enabled: true, start: '19:00', end: '08:00', days: ['mon'], timeZone: null });
    expect(problems.map((p) => p.reason).join('\n')).toMatch(/Mars\/Olympus.*not a known time zone/);
  });
});

describe('the effective policy is parsed once per change', () => {
  it('reads many times, parses once; a saved change is parsed once more', async () => {
    let parses = 0;
    const parsing = {
      defaultPolicy,
      parsePolicy: (json: unknown) => {
        parses += 1;
        return parsePolicy(json);
      },
    };
    await saveUserPolicy({ ...sample, name: 'Ours' }, parsing, new Date('2026-07-14T10:00:00Z'));
    parses = 0;
    for (let i = 0; i < 5; i++) expect((await getEffectivePolicy(parsing)).policy.name).toBe('Ours');
    expect(parses).toBe(1);
    await saveUserPolicy({ ...sample, name: 'Ours, v2' }, parsing, new Date('2026-07-14T10:01:00Z'));
    parses = 0;
    for (let i = 0; i < 5; i++) expect((await getEffectivePolicy(parsing)).policy.name).toBe('Ours, v2');
    expect(parses).toBe(1);
  });
});
