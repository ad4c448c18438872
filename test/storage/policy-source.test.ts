import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { defaultPolicy, parsePolicy } from '../../lib/policy';
import { getEffectivePolicy, saveUserPolicy, setStorageProblemSink, userPolicyItem } from '../../lib/storage';
import sample from '../fixtures/policy.sample.json';

const parsing = { parsePolicy, defaultPolicy };
const now = new Date('2026-07-14T10:00:00Z');

beforeEach(() => {
  fakeBrowser.reset();
  setStorageProblemSink(() => undefined);
});

const renamed = (name: string) => ({ ...sample, name });

describe('effective policy: managed wins, else the user\'s, else the default', () => {
  it('uses the default when nothing is stored', async () => {
    const effective = await getEffectivePolicy(parsing);
    expect(effective.source).toBe('default');
    expect(effective.policy).toBe(defaultPolicy);
  });

  it("uses the user's saved policy", async () => {
    await saveUserPolicy(renamed('Ours'), parsing, now);
    const effective = await getEffectivePolicy(parsing);
    expect(effective.source).toBe('user');
    expect(effective.policy.name).toBe('Ours');
  });

  it("prefers a managed policy over the user's", async () => {
    await saveUserPolicy(renamed('Ours'), parsing, now);
    await fakeBrowser.storage.managed.set({ policy: renamed('From IT') });
    const effective = await getEffectivePolicy(parsing);
    expect(effective).toMatchObject({ source: 'managed', policy: { name: 'From IT' } });
  });

  it('accepts a managed policy given as JSON text', async () => {
    await fakeBrowser.storage.managed.set({ policy: JSON.stringify(renamed('From IT')) });
    expect((await getEffectivePolicy(parsing)).source).toBe('managed');
  });

  it('ignores an invalid managed policy and says why', async () => {
    await fakeBrowser.storage.managed.set({ policy: { version: 1 } });
    const effective = await getEffectivePolicy(parsing);
    expect(effective.source).toBe('default');
    expect(effective.problems[0]).toMatch(/managed policy ignored/);
  });

  it('refuses to save a user policy while IT manages it', async () => {
    await fakeBrowser.storage.managed.set({ policy: renamed('From IT') });
    await expect(saveUserPolicy(renamed('Ours'), parsing, now)).rejects.toThrow(/managed by your organisation/);
    expect(await userPolicyItem.get()).toBeNull();
  });

  it('saves nothing when the policy does not parse', async () => {
    await expect(saveUserPolicy({ ...sample, defaultOffice: 'mars' }, parsing, now)).rejects.toThrow();
    expect(await userPolicyItem.get()).toBeNull();
  });
});

describe('managed policy as JSON text', () => {
  it('reads policyJson when IT can only push strings', async () => {
    await fakeBrowser.storage.managed.set({ policyJson: JSON.stringify(renamed('From IT as text')) });
    expect(await getEffectivePolicy(parsing)).toMatchObject({ source: 'managed', policy: { name: 'From IT as text' } });
  });

  it('ignores text that is not JSON with a reason, yet keeps the policy read-only', async () => {
    await fakeBrowser.storage.managed.set({ policyJson: '{not json' });
    const effective = await getEffectivePolicy(parsing);
    expect(effective.source).toBe('default');
    expect(effective.problems[0]).toMatch(/managed policy ignored/);
    await expect(saveUserPolicy(renamed('Ours'), parsing, now)).rejects.toThrow(/managed by your organisation/);
  });
});

/**
 * Chrome keeps `storage.local` values as `base::Value` dictionaries, whose keys come back sorted
 * (seen in the forecast's strips, issue 15; reported for Chrome 109 in
 * https://github.com/james-fray/tab-reloader/issues/201). The fake browser keeps insertion
 * order, so this wraps its `set` to store what Chrome would give back.
 */
function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortKeysDeep((value as Record<string, unknown>)[key])]));
}

function storeLikeChrome(): void {
  const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
  fakeBrowser.storage.local.set = (items: Record<string, unknown>) => set(sortKeysDeep(items) as Record<string, unknown>);
}

describe("the saved policy keeps its own order (issue 15: Chrome's storage sorts object keys)", () => {
  const order = ['hq', 'shanghai', 'taichung', 'singapore', 'malaysia'];

  it('offices, roles and levels come back in the order they were saved, not sorted', async () => {
    storeLikeChrome();
    expect(Object.keys(sample.offices)).toEqual(order);
    await saveUserPolicy(renamed('Ours'), parsing, now);
    const { policy } = await getEffectivePolicy(parsing);
    expect(Object.keys(policy.offices)).toEqual(order);
    expect(Object.keys(policy.roles)).toEqual(Object.keys(sample.roles));
  });

  it('a policy imported as JSON text is kept as that text', async () => {
    storeLikeChrome();
    const text = JSON.stringify(renamed('As typed'), null, 2);
    await saveUserPolicy(text, parsing, now);
    expect((await userPolicyItem.get())?.policyJson).toBe(text);
    expect(Object.keys((await getEffectivePolicy(parsing)).policy.offices)).toEqual(order);
  });

  it('a v1 policy (stored as an object) still loads, and is migrated to text', async () => {
    await fakeBrowser.storage.local.set({ userPolicy: { policy: renamed('Saved by v1'), savedAt: now.toISOString() }, userPolicy$: { v: 1 } });
    expect(await getEffectivePolicy(parsing)).toMatchObject({ source: 'user', policy: { name: 'Saved by v1' } });
    const stored = await userPolicyItem.get();
    expect(stored?.savedAt).toBe(now.toISOString());
    expect(typeof stored?.policyJson).toBe('string');
    expect((await fakeBrowser.storage.local.get('userPolicy$'))['userPolicy$']).toEqual({ v: 2 });
  });

  it('a v1 value without its version mark (written by hand or an early build) loads too', async () => {
    await fakeBrowser.storage.local.set({ userPolicy: { policy: renamed('Unmarked'), savedAt: now.toISOString() } });
    expect((await getEffectivePolicy(parsing)).policy.name).toBe('Unmarked');
  });
});
