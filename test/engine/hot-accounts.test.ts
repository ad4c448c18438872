import { describe, expect, it } from 'vitest';
import { evaluate } from '../../lib/engine/evaluate';
import { parsePolicy } from '../../lib/policy';
import samplePolicyJson from '../fixtures/policy.sample.json';
import { local, samplePolicy, sev, ticket } from './engine-fixtures';

/** SPEC §1 "Hot accounts": Sev 1 since the ticket was opened, whatever its priority. */
const hq = (wall: string): Date => local('hq', wall);
const hotPolicy = parsePolicy({ ...samplePolicyJson, hotAccounts: ['  globex corporation '] });

describe('hot accounts', () => {
  const opened = hq('2026-03-17 09:00');
  const sev3Raised = {
    ...ticket({ createdAt: opened, severity: 2, history: [sev(opened, 3), sev(hq('2026-03-17 10:00'), 2)] }),
    organization: 'Globex Corporation',
  };

  it('evaluates a hot account as Sev 1 from creation, whatever the priority, and says so', () => {
    const evaluation = evaluate(sev3Raised, hotPolicy, hq('2026-03-17 11:05'));
    expect(evaluation).toMatchObject({ severity: 1, hotAccount: true, level: 2, levelId: 'l2', clockStartReason: 'created' });
    expect(evaluation.clockStart).toEqual(opened);
    expect(evaluation.explanation[0]).toBe('Sev 1 · hot account (Globex Corporation) since 09:00 (ticket opened)');
  });

  it('matches the organisation trimmed and case-insensitively; other customers keep their priority', () => {
    expect(evaluate({ ...sev3Raised, organization: ' GLOBEX corporation' }, hotPolicy, hq('2026-03-17 11:05')).severity).toBe(1);
    const other = evaluate({ ...sev3Raised, organization: 'Initech' }, hotPolicy, hq('2026-03-17 11:05'));
    expect(other).toMatchObject({ severity: 2 });
    expect(other.hotAccount).toBeUndefined();
    expect(evaluate({ ...sev3Raised, organization: null }, hotPolicy, hq('2026-03-17 11:05')).severity).toBe(2);
  });

  it('is off by default: the sample policy lists no hot account and still parses', () => {
    expect(parsePolicy(samplePolicyJson).hotAccounts ?? []).toEqual([]);
    expect(evaluate(sev3Raised, samplePolicy, hq('2026-03-17 11:05')).severity).toBe(2);
  });

  it('rejects an empty organisation name with its path', () => {
    expect(() => parsePolicy({ ...samplePolicyJson, hotAccounts: ['Globex', ' '] })).toThrow(/hotAccounts\[1\]: should not be empty/);
  });
});

describe('gaps of a side read', () => {
  it('are said at the end of the explanation, the evaluation otherwise unchanged', () => {
    const opened = hq('2026-03-17 09:00');
    const plain = ticket({ createdAt: opened, severity: 3, history: [sev(opened, 3)] });
    const gap = 'comments by user 42: Zendesk did not say who that is, so they are not counted as agent replies';
    const withGap = evaluate({ ...plain, gaps: [gap] }, samplePolicy, hq('2026-03-17 11:00'));
    const without = evaluate(plain, samplePolicy, hq('2026-03-17 11:00'));
    expect(withGap.explanation).toEqual([...without.explanation, gap]);
    expect({ ...withGap, explanation: [] }).toEqual({ ...without, explanation: [] });
  });
});
