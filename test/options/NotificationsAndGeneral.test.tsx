// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { GeneralSection } from '../../components/options/general/GeneralSection';
import { NotificationsSection } from '../../components/options/notifications/NotificationsSection';
import { OptionsApp } from '../../components/options/OptionsApp';
import { defaultPolicy } from '../../lib/policy';
import { generalSettingsItem, notificationSettingsItem } from '../../lib/storage';
import { useEnglishMessages } from '../i18n/english-messages';
import { testServices } from './options-fixtures';

describe('notifications and general settings', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useEnglishMessages();
  });
  afterEach(cleanup);

  it('warning lead times, quiet hours and sound are saved to synced storage', async () => {
    render(<NotificationsSection store={testServices().notifications} policy={defaultPolicy} />);
    fireEvent.input(await screen.findByLabelText('Sev 3'), { target: { value: '45' } });
    fireEvent.click(screen.getByLabelText('Use quiet hours'));
    fireEvent.input(screen.getByLabelText('From'), { target: { value: '20:00' } });
    fireEvent.click(screen.getByLabelText('Sunday'));
    fireEvent.click(screen.getByLabelText('Play a sound with notifications'));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByText('Saved.')).toBeTruthy());
    const stored = await notificationSettingsItem.get();
    expect(stored.warnBeforeMinutes).toEqual({ '3': 45 });
    expect(stored.quietHours).toMatchObject({ enabled: true, start: '20:00' });
    expect(stored.quietHours.days).not.toContain('sun');
    expect(stored.sound).toBe(false);
    expect(await fakeBrowser.storage.sync.get('notificationSettings')).toHaveProperty('notificationSettings');
  });

  it('an empty lead time falls back to the policy\'s, which the field shows', async () => {
    await notificationSettingsItem.set({ ...(await notificationSettingsItem.get()), warnBeforeMinutes: { '1': 5 } });
    render(<NotificationsSection store={testServices().notifications} policy={defaultPolicy} />);
    const sev1 = (await screen.findByLabelText('Sev 1')) as HTMLInputElement;
    expect(sev1.placeholder).toBe('policy: 15 min');
    fireEvent.input(sev1, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect((await notificationSettingsItem.get()).warnBeforeMinutes).toEqual({}));
  });

  it('acknowledgement timeouts per severity are saved; 0 turns one off; a value over a day is refused by its field', async () => {
    render(<NotificationsSection store={testServices().notifications} policy={defaultPolicy} />);
    const sev1 = (await screen.findByLabelText('Sev 1: notify again after (minutes; 0 = off)')) as HTMLInputElement;
    expect(sev1.value).toBe('15');
    expect((screen.getByLabelText('Sev 2: notify again after (minutes; 0 = off)') as HTMLInputElement).value).toBe('60');
    fireEvent.input(screen.getByLabelText('Sev 2: notify again after (minutes; 0 = off)'), { target: { value: '2000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(document.body.textContent).toContain('at most 1440 minutes (a day)'));
    expect((await notificationSettingsItem.get()).ackTimeoutMinutes['2']).toBe(60);
    fireEvent.input(screen.getByLabelText('Sev 2: notify again after (minutes; 0 = off)'), { target: { value: '0' } });
    fireEvent.input(sev1, { target: { value: '10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByText('Saved.')).toBeTruthy());
    expect((await notificationSettingsItem.get()).ackTimeoutMinutes).toEqual({ '1': 10, '2': 0, '3': 0, '4': 0 });
  });

  it('"mine" identities and the note-on-ticket choice are saved', async () => {
    render(<GeneralSection store={testServices().general} />);
    fireEvent.click(await screen.findByLabelText('Use these identities for "Mine"'));
    fireEvent.input(screen.getByLabelText('Zendesk user id'), { target: { value: '9001' } });
    fireEvent.click(screen.getByLabelText('Always, as an internal note the whole team sees'));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByText('Saved.')).toBeTruthy());
    const stored = await generalSettingsItem.get();
    expect(stored.mine).toMatchObject({ enabled: true, zendeskUserId: '9001', email: null });
    expect(stored.ackNoteMode).toBe('always');
  });

  it('the options page is a set of tabs reachable with the arrow keys', async () => {
    render(<OptionsApp services={testServices()} initialTab="policy" engineerTimeZone="UTC" now={new Date('2026-07-14T00:00:00Z')} />);
    const policyTab = screen.getByRole('tab', { name: 'Escalation policy' });
    expect(policyTab.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(policyTab, { key: 'ArrowRight' });
    expect(screen.getByRole('tab', { name: 'Helpdesks' }).getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement?.textContent).toBe('Helpdesks');
    fireEvent.click(screen.getByRole('tab', { name: 'People' }));
    expect(await screen.findByRole('heading', { name: 'People' })).toBeTruthy();
  });
});
