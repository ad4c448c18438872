// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { PolicySection } from '../../components/options/policy/PolicySection';
import { defaultPolicy, parsePolicy, PolicyError } from '../../lib/policy';
import { storedPolicyJson, userPolicyItem } from '../../lib/storage';
import samplePolicy from '../fixtures/policy.sample.json';
import { useEnglishMessages } from '../i18n/english-messages';
import { chooseFile, storageSnapshot, testServices } from './options-fixtures';

const NOW = new Date('2026-07-14T17:00:00Z');

async function renderPolicy(services = testServices()) {
  const view = render(<PolicySection store={services.policy} files={services.files} engineerTimeZone="Asia/Shanghai" now={NOW} />);
  await screen.findByRole('heading', { name: 'Escalation policy' });
  return { ...view, services };
}

/** The messages parsePolicy gives for a policy changed by `change` (what the editor must show). */
function parserMessages(change: (policy: Record<string, unknown>) => void, pathPrefix: string): string[] {
  const policy = structuredClone(defaultPolicy) as unknown as Record<string, unknown>;
  change(policy);
  try {
    parsePolicy(policy);
  } catch (error) {
    if (error instanceof PolicyError) return error.issues.filter((i) => i.path.startsWith(pathPrefix)).map((i) => i.message);
  }
  return [];
}

const describedText = (field: HTMLElement): string => {
  const id = field.getAttribute('aria-describedby') ?? '';
  return document.getElementById(id)?.textContent ?? '';
};

describe('policy editor', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useEnglishMessages();
  });
  afterEach(cleanup);

  it('shows the effective policy and saves an edit whole', async () => {
    await renderPolicy();
    const save = screen.getByRole('button', { name: 'Save' });
    expect(save.hasAttribute('disabled')).toBe(true);
    fireEvent.input(screen.getByLabelText('Policy name'), { target: { value: 'Night shift policy' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByText('Policy saved.')).toBeTruthy());
    const stored = await userPolicyItem.get();
    expect(parsePolicy(stored ? storedPolicyJson(stored) : null).name).toBe('Night shift policy');
  });

  it('an emptied target shows parsePolicy\'s message next to that field, and nothing is saved', async () => {
    await renderPolicy();
    const before = await storageSnapshot();
    const response = screen.getAllByLabelText('First response within')[0] as HTMLInputElement;
    fireEvent.input(response, { target: { value: '' } });
    const expected = parserMessages((p) => {
      ((p.severities as Record<string, Record<string, unknown>>)['1'] as Record<string, unknown>).response = { minutes: Number.NaN };
    }, 'severities.1.response');
    expect(expected.length).toBeGreaterThan(0);
    expect(response.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(response)).toBe(expected.join(''));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByText(/Not saved: the policy has 1 problem/)).toBeTruthy());
    expect(await storageSnapshot()).toBe(before);
  });

  it('removing a role a level notifies flags that level\'s "Notifies" field', async () => {
    await renderPolicy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove Sales Rep' }));
    const notifies = screen.getAllByRole('group', { name: /^Notifies/ })[1] as HTMLElement;
    expect(notifies.getAttribute('aria-invalid')).toBe('true');
    const expected = parserMessages((p) => {
      delete (p.roles as Record<string, unknown>)['sales-rep'];
    }, 'levels[1].notify');
    expect(expected.length).toBeGreaterThan(0);
    for (const message of expected) expect(within(notifies).getByText(message)).toBeTruthy();
  });

  it('a unit picker changes a target\'s unit; "none" removes it', async () => {
    const { services } = await renderPolicy();
    const unit = screen.getAllByLabelText('First response within: unit')[0] as HTMLSelectElement;
    fireEvent.change(unit, { target: { value: 'businessHours' } });
    fireEvent.change(screen.getAllByLabelText('Warn before a deadline by: unit')[0] as HTMLSelectElement, { target: { value: 'none' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByText('Policy saved.')).toBeTruthy());
    const saved = (await services.policy.load()).policy.severities['1'];
    expect(saved.response).toEqual({ businessHours: 30 });
    expect(saved.warnBefore).toBeUndefined();
  });

  it('importing a broken policy changes nothing: storage untouched, the draft as it was, the problems listed', async () => {
    await renderPolicy();
    const before = await storageSnapshot();
    const broken = structuredClone(samplePolicy) as Record<string, unknown>;
    broken.name = 'Broken import';
    (broken.levels as Array<Record<string, unknown>>)[1]!.notify = ['no-such-role'];
    chooseFile(screen.getByLabelText('Import JSON…'), 'broken.json', JSON.stringify(broken));
    await waitFor(() => expect(screen.getByText('broken.json was not imported: nothing has changed.')).toBeTruthy());
    const problems = screen.getByRole('heading', { name: 'Problems in the imported file' }).parentElement as HTMLElement;
    expect(within(problems).getByText('levels[1].notify[0]')).toBeTruthy();
    expect((screen.getByLabelText('Policy name') as HTMLInputElement).value).toBe(defaultPolicy.name);
    expect(screen.getByRole('button', { name: 'Save' }).hasAttribute('disabled')).toBe(true);
    expect(await storageSnapshot()).toBe(before);
  });

  it('a file that is not JSON is refused the same way', async () => {
    await renderPolicy();
    const before = await storageSnapshot();
    chooseFile(screen.getByLabelText('Import JSON…'), 'notes.txt', '{ "version": 1, ');
    await waitFor(() => expect(screen.getByText(/the file is not valid JSON/)).toBeTruthy());
    expect(await storageSnapshot()).toBe(before);
  });

  it('importing a valid policy loads it into the draft; Save stores it', async () => {
    await renderPolicy();
    const imported = { ...structuredClone(samplePolicy), name: 'Imported policy' };
    chooseFile(screen.getByLabelText('Import JSON…'), 'good.json', JSON.stringify(imported));
    await waitFor(() => expect((screen.getByLabelText('Policy name') as HTMLInputElement).value).toBe('Imported policy'));
    expect(await userPolicyItem.get()).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect(await userPolicyItem.get().then((stored) => stored && storedPolicyJson(stored))).toMatchObject({ name: 'Imported policy' }));
  });

  it('exports the policy in the sample\'s format, which imports back unchanged', async () => {
    const { services } = await renderPolicy();
    fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    expect(services.downloads[0]?.filename).toBe('escalation-policy.json');
    expect(parsePolicy(services.downloads[0]?.text ?? '')).toEqual(parsePolicy(defaultPolicy));
  });

  it('reset to default drops the saved policy', async () => {
    await userPolicyItem.set({ policyJson: JSON.stringify({ ...samplePolicy, name: 'Custom' }), savedAt: NOW.toISOString() });
    window.confirm = vi.fn(() => true);
    await renderPolicy();
    expect((screen.getByLabelText('Policy name') as HTMLInputElement).value).toBe('Custom');
    fireEvent.click(screen.getByRole('button', { name: 'Reset to default' }));
    await waitFor(() => expect((screen.getByLabelText('Policy name') as HTMLInputElement).value).toBe(defaultPolicy.name));
    expect(await userPolicyItem.get()).toBeNull();
    expect(screen.getByText('In force: the built-in default policy.')).toBeTruthy();
  });

  it('a policy managed by the organisation is shown read-only', async () => {
    await fakeBrowser.storage.managed.set({ policy: { ...structuredClone(samplePolicy), name: 'Corporate policy' } });
    await renderPolicy();
    expect(screen.getByText(/Managed by your organisation/)).toBeTruthy();
    expect((screen.getByLabelText('Policy name') as HTMLInputElement).value).toBe('Corporate policy');
    expect((screen.getByRole('group', { name: 'Escalation policy' }) as HTMLFieldSetElement).disabled).toBe(true);
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(screen.queryByLabelText('Import JSON…')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Reset to default' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Export JSON' })).toBeTruthy();
  });
});
