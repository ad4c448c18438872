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
