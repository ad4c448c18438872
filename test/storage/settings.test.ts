import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  defaultGeneralSettings,
  defaultNotificationSettings,
  fieldMappingsItem,
  generalSettingsItem,
  helpdeskSitesItem,
  notificationSettingsItem,
  setStorageProblemSink,
  type StorageProblem,
  SYNC_QUOTA_BYTES_PER_ITEM,
} from '../../lib/storage';
import { isWatchedOrigin } from '../../lib/storage/watched-origins';

let problems: StorageProblem[];

beforeEach(() => {
  fakeBrowser.reset();
  problems = [];
  setStorageProblemSink((problem) => problems.push(problem));
});

describe('settings live in storage.sync', () => {
  it('returns the defaults when nothing is stored', async () => {
    expect(await notificationSettingsItem.get()).toEqual(defaultNotificationSettings);
    expect(await generalSettingsItem.get()).toEqual(defaultGeneralSettings);
    expect(problems).toEqual([]);
  });

  it('writes to the sync area', async () => {
    await generalSettingsItem.set({ ...defaultGeneralSettings, ackNoteMode: 'always' });
    const raw = await fakeBrowser.storage.sync.get('generalSettings');
    expect(raw['generalSettings']).toMatchObject({ ackNoteMode: 'always' });
  });

  it('forgets solved tickets after 7 days by default', () => {
    expect(defaultGeneralSettings.forgetSolvedAfterDays).toBe(7);
  });
});

describe('a corrupt settings field is reset alone, with a reason', () => {
  it('keeps the valid fields when quiet hours are malformed', async () => {
    await fakeBrowser.storage.sync.set({
      notificationSettings: { ...defaultNotificationSettings, sound: false, quietHours: { start: '25:99' } },
    });
    const settings = await notificationSettingsItem.get();
    expect(settings.sound).toBe(false);
    expect(settings.quietHours).toEqual(defaultNotificationSettings.quietHours);
    expect(problems.map((p) => p.reason).join()).toMatch(/quietHours/);
  });

  it('resets an unknown acknowledgement-note mode to the default', async () => {
    await fakeBrowser.storage.sync.set({ generalSettings: { ...defaultGeneralSettings, ackNoteMode: 'sometimes' } });
    expect((await generalSettingsItem.get()).ackNoteMode).toBe(defaultGeneralSettings.ackNoteMode);
    expect(problems).toHaveLength(2); // the item-level reason, then the field reset
  });

  it('drops a malformed Zendesk subdomain list but keeps the Jira sites', async () => {
    await fakeBrowser.storage.sync.set({ helpdeskSites: { zendesk: ['https://acme'], jira: ['acme.atlassian.net'], dataCenter: [] } });
    expect(await helpdeskSitesItem.get()).toEqual({ zendesk: [], jira: ['acme.atlassian.net'], dataCenter: [] });
  });
});

describe('sync quota: 8 KB per item', () => {
  it('refuses a mapping that would not fit, saying how large it is', async () => {
    const huge = { values: 'x'.repeat(SYNC_QUOTA_BYTES_PER_ITEM) };
    await expect(fieldMappingsItem.set({ zendesk: huge, jira: null })).rejects.toThrow(/bytes; sync storage allows 8192/);
    expect(await fakeBrowser.storage.sync.get('fieldMappings')).toEqual({});
  });

  it('accepts a realistic mapping as arbitrary JSON (the helpdesk folder validates it)', async () => {
    const mapping = { severity: { source: 'priority', values: { urgent: 1, high: 2 } } };
    await fieldMappingsItem.set({ zendesk: mapping, jira: null });
    expect((await fieldMappingsItem.get()).zendesk).toEqual(mapping);
  });
});

describe('watched origins', () => {
  const cases: Array<[string, Parameters<typeof isWatchedOrigin>[1], string, boolean]> = [
    ['an empty Zendesk list watches every *.zendesk.com', { zendesk: [], jira: [], dataCenter: [] }, 'https://acme.zendesk.com', true],
    ['a Zendesk list watches only its subdomains', { zendesk: ['other'], jira: [], dataCenter: [] }, 'https://acme.zendesk.com', false],
    ['a listed Jira Cloud site is watched', { zendesk: [], jira: ['acme.atlassian.net'], dataCenter: [] }, 'https://acme.atlassian.net', true],
    ['a Data Center host is watched only when listed', { zendesk: [], jira: [], dataCenter: [] }, 'https://jira.example.com', false],
    ['a listed Data Center origin is watched', { zendesk: [], jira: [], dataCenter: ['https://jira.example.com'] }, 'https://jira.example.com', true],
    ['a listed Data Center origin with a port is watched', { zendesk: [], jira: [], dataCenter: ['https://jira.example.com:8443'] }, 'https://jira.example.com:8443', true],
    ['the same host on another port is not', { zendesk: [], jira: [], dataCenter: ['https://jira.example.com:8443'] }, 'https://jira.example.com', false],
    ['a Zendesk site on a port is not Zendesk', { zendesk: [], jira: [], dataCenter: [] }, 'https://acme.zendesk.com:8443', false],
    ['plain http is never watched', { zendesk: [], jira: [], dataCenter: [] }, 'http://acme.zendesk.com', false],
    ['a look-alike host is not Zendesk', { zendesk: [], jira: [], dataCenter: [] }, 'https://acme.zendesk.com.evil.example', false],
  ];
  it.each(cases)('%s', (_rule, sites, origin, expected) => {
    expect(isWatchedOrigin(origin, sites)).toBe(expected);
  });
});

describe('acknowledgement timeouts (notification settings v2)', () => {
  const v1 = {
    warnBeforeMinutes: { '1': 10 },
    quietHours: { enabled: true, start: '20:00', end: '07:00', days: ['sat', 'sun'], timeZone: 'Asia/Shanghai' },
    sound: false,
    reminderMinutes: 45,
  };

  it('default to 15 minutes for Sev 1, 60 for Sev 2, off for Sev 3 and 4', () => {
    expect(defaultNotificationSettings.ackTimeoutMinutes).toEqual({ '1': 15, '2': 60, '3': 0, '4': 0 });
  });

  it('a v1 value migrates: the engineer\'s settings are kept, the timeouts arrive with their defaults', async () => {
    await fakeBrowser.storage.sync.set({ notificationSettings: v1, notificationSettings$: { v: 1 } });
    expect(await notificationSettingsItem.get()).toEqual({ ...v1, ackTimeoutMinutes: { '1': 15, '2': 60, '3': 0, '4': 0 } });
    expect(problems).toEqual([]);
    const { notificationSettings$: meta } = await fakeBrowser.storage.sync.get('notificationSettings$');
    expect(meta).toMatchObject({ v: 2 });
  });

  it('a corrupt timeout is reset to the defaults with a reason naming the field; the rest is kept', async () => {
    await fakeBrowser.storage.sync.set({
      notificationSettings: { ...v1, ackTimeoutMinutes: { '1': -3, '2': 60, '3': 0, '4': 0 } },
      notificationSettings$: { v: 2 },
    });
    const read = await notificationSettingsItem.get();
    expect(read).toEqual({ ...v1, ackTimeoutMinutes: { '1': 15, '2': 60, '3': 0, '4': 0 } });
    expect(problems.map((p) => p.reason).join('\n')).toMatch(/ackTimeoutMinutes\.1: 0 \(off\) or more minutes/);
  });

  it('refuses to save a timeout longer than a day, naming the severity', async () => {
    await expect(notificationSettingsItem.set({ ...defaultNotificationSettings, ackTimeoutMinutes: { '1': 15, '2': 2000, '3': 0, '4': 0 } })).rejects.toThrow(
      /ackTimeoutMinutes\.2: at most 1440 minutes/,
    );
  });
});
