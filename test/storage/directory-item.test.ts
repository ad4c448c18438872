import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { directoryItem, setStorageProblemSink, type StorageProblem } from '../../lib/storage';
import { sampleDirectory } from '../people/directory-fixture';

let problems: StorageProblem[];

beforeEach(() => {
  fakeBrowser.reset();
  problems = [];
  setStorageProblemSink((problem) => problems.push(problem));
});

describe('people directory in storage', () => {
  it('is empty until the engineer imports or edits one', async () => {
    expect(await directoryItem.get()).toEqual({ roles: {}, salesReps: [], directorRotations: {} });
  });

  it('keeps what it stored', async () => {
    await directoryItem.set(sampleDirectory());
    expect(await directoryItem.get()).toEqual(sampleDirectory());
  });

  it('drops only the corrupt person, naming where it was', async () => {
    const stored = sampleDirectory();
    const corrupt = { ...stored, roles: { ...stored.roles, cto: { hq: [{ name: 'Ok' }, { email: 'no-name@example.com' }] } } };
    await fakeBrowser.storage.local.set({ peopleDirectory: corrupt });
    const directory = await directoryItem.get();
    expect(directory.roles.cto?.hq).toEqual([{ name: 'Ok' }]);
    expect(directory.salesReps).toEqual(stored.salesReps);
    expect(directory.directorRotations).toEqual(stored.directorRotations);
    expect(problems.map((p) => p.reason)).toContain('roles.cto.hq[1] dropped: name: Invalid input: expected string, received undefined');
  });

  it('drops a rotation without people and keeps the other offices', async () => {
    const stored = sampleDirectory();
    const corrupt = { ...stored, directorRotations: { ...stored.directorRotations, hq: { ...stored.directorRotations.hq, people: [] } } };
    await fakeBrowser.storage.local.set({ peopleDirectory: corrupt });
    const directory = await directoryItem.get();
    expect(Object.keys(directory.directorRotations)).toEqual(['shanghai']);
    expect(problems.some((p) => p.reason.startsWith('directorRotations.hq dropped'))).toBe(true);
  });
});
