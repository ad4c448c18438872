// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { OptionsApp } from '../../components/options/OptionsApp';
import { emptyDirectory } from '../../lib/people';
import { directoryItem, storedPolicyJson, userPolicyItem } from '../../lib/storage';
import { useEnglishMessages } from '../i18n/english-messages';
import { testServices } from './options-fixtures';

async function storedHotAccounts(): Promise<unknown> {
  const stored = await userPolicyItem.get();
  return ((stored ? storedPolicyJson(stored) : undefined) as { hotAccounts?: unknown } | undefined)?.hotAccounts;
}

/** SPEC §1 "Hot accounts", issue 13: edited beside the directory's organisations and in the policy. */
describe('hot accounts in the options page', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useEnglishMessages();
  });
  afterEach(cleanup);

  it("marks a directory organisation a hot account from the People tab: the policy in force lists it, the Policy tab shows it", async () => {
    await directoryItem.set({ ...emptyDirectory(), salesReps: [{ organization: 'Globex', person: { name: 'Jane Rep' } }] });
    render(<OptionsApp services={testServices()} initialTab="people" engineerTimeZone="UTC" now={new Date('2026-07-14T00:00:00Z')} />);
    const box = (await screen.findByRole('checkbox', { name: 'Hot account' })) as HTMLInputElement;
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    await waitFor(async () => expect((await storedHotAccounts())).toEqual(['Globex']));
    await waitFor(() => expect((screen.getByRole('checkbox', { name: 'Hot account' }) as HTMLInputElement).checked).toBe(true));

    fireEvent.click(screen.getByRole('tab', { name: 'Escalation policy' }));
    const first = (await screen.findByLabelText(/^Organisation .* 1$/)) as HTMLInputElement;
    expect(first.value).toBe('Globex');
  });

  it('unticking removes it again, whatever its case', async () => {
    await directoryItem.set({ ...emptyDirectory(), salesReps: [{ organization: 'Globex', person: { name: 'Jane Rep' } }] });
    render(<OptionsApp services={testServices()} initialTab="people" engineerTimeZone="UTC" now={new Date('2026-07-14T00:00:00Z')} />);
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Hot account' }));
    await waitFor(async () => expect((await storedHotAccounts())).toEqual(['Globex']));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Hot account' }));
    await waitFor(async () => expect((await storedHotAccounts())).toEqual([]));
  });
});
