// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { dataCenterOrigin } from '../../components/options/helpdesks/DataCenterHosts';
import { HelpdesksSection } from '../../components/options/helpdesks/HelpdesksSection';
import { JIRA_CONTENT_SCRIPT } from '../../lib/permissions/data-center-hosts';
import { parseJiraMapping } from '../../lib/helpdesks/jira/mapping';
import { parseZendeskMapping } from '../../lib/helpdesks/zendesk/mapping';
import { fieldMappingsItem, helpdeskSitesItem } from '../../lib/storage';
import { useEnglishMessages } from '../i18n/english-messages';
import { testServices } from './options-fixtures';

/** The browser's permission prompt and script registry, as far as the options page uses them. */
function fakeHostAccess(answer: boolean) {
  const registered: Array<{ id: string; matches?: string[]; js?: string[] }> = [];
  const granted = new Set<string>();
  fakeBrowser.permissions.request = vi.fn(async ({ origins = [] }: { origins?: string[] }) => {
    if (answer) origins.forEach((origin) => granted.add(origin));
    return answer;
  });
  fakeBrowser.permissions.contains = vi.fn(async ({ origins = [] }: { origins?: string[] }) => origins.every((o) => granted.has(o)));
  fakeBrowser.permissions.remove = vi.fn(async ({ origins = [] }: { origins?: string[] }) => {
    origins.forEach((origin) => granted.delete(origin));
    return true;
  });
  fakeBrowser.scripting.getRegisteredContentScripts = vi.fn(async (filter?: { ids?: string[] }) =>
    registered.filter((script) => !filter?.ids || filter.ids.includes(script.id)),
  ) as typeof fakeBrowser.scripting.getRegisteredContentScripts;
  fakeBrowser.scripting.registerContentScripts = vi.fn(async (scripts: Array<{ id: string; matches?: string[]; js?: string[] }>) => {
    registered.push(...scripts);
  }) as typeof fakeBrowser.scripting.registerContentScripts;
  fakeBrowser.scripting.unregisterContentScripts = vi.fn(async (filter?: { ids?: string[] }) => {
    for (const id of filter?.ids ?? []) registered.splice(registered.findIndex((s) => s.id === id), 1);
  }) as typeof fakeBrowser.scripting.unregisterContentScripts;
  return { registered, granted };
}

async function renderHelpdesks() {
  const services = testServices();
  render(<HelpdesksSection services={services} />);
  await screen.findByRole('group', { name: 'Zendesk subdomains' });
  return services;
}

describe('helpdesks', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useEnglishMessages();
  });
  afterEach(cleanup);

  it('adding a Data Center host asks for access to that host and registers the Jira script there', async () => {
    const access = fakeHostAccess(true);
    await renderHelpdesks();
    fireEvent.input(screen.getByLabelText('Jira address'), { target: { value: 'jira.example.com/browse/OPS-1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add and allow access' }));
    await waitFor(() => expect(screen.getByText(/https:\/\/jira.example.com added/)).toBeTruthy());
    expect(fakeBrowser.permissions.request).toHaveBeenCalledWith({ origins: ['https://jira.example.com/*'] });
    expect(access.registered).toEqual([
      { id: expect.any(String), matches: ['https://jira.example.com/*'], js: [JIRA_CONTENT_SCRIPT], runAt: 'document_idle' },
    ]);
    expect((await helpdeskSitesItem.get()).dataCenter).toEqual(['https://jira.example.com']);
  });

  it('a refused permission adds nothing', async () => {
    const access = fakeHostAccess(false);
    await renderHelpdesks();
    fireEvent.input(screen.getByLabelText('Jira address'), { target: { value: 'https://jira.example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add and allow access' }));
    await waitFor(() => expect(screen.getByText('Access to https://jira.example.com was not granted, so it was not added.')).toBeTruthy());
    expect(access.registered).toEqual([]);
    expect((await helpdeskSitesItem.get()).dataCenter).toEqual([]);
  });

  it('removing a host unregisters its script and gives the permission back', async () => {
    const access = fakeHostAccess(true);
    await renderHelpdesks();
    fireEvent.input(screen.getByLabelText('Jira address'), { target: { value: 'https://jira.example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add and allow access' }));
    await screen.findByRole('button', { name: 'Remove https://jira.example.com' });
    fireEvent.click(screen.getByRole('button', { name: 'Remove https://jira.example.com' }));
    await waitFor(async () => expect((await helpdeskSitesItem.get()).dataCenter).toEqual([]));
    expect(access.registered).toEqual([]);
    expect(access.granted.size).toBe(0);
  });

  it('site lists are validated before saving: a bad Zendesk subdomain is flagged and not stored', async () => {
    await renderHelpdesks();
    const zendesk = screen.getByRole('group', { name: 'Zendesk subdomains' });
    fireEvent.click(within(zendesk).getByRole('button', { name: 'Add: Zendesk subdomain' }));
    const input = within(zendesk).getByLabelText('Zendesk subdomain 1');
    fireEvent.input(input, { target: { value: 'acme.zendesk.com/agent' } });
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const save = screen.getAllByRole('button', { name: 'Save' })[0] as HTMLElement;
    fireEvent.click(save);
    await waitFor(() => expect(screen.getByText(/Not saved: 1 problem/)).toBeTruthy());
    expect((await helpdeskSitesItem.get()).zendesk).toEqual([]);
    fireEvent.input(input, { target: { value: 'acme' } });
    fireEvent.click(save);
    await waitFor(async () => expect((await helpdeskSitesItem.get()).zendesk).toEqual(['acme']));
  });

  it('field mappings save as the helpdesk parsers read them', async () => {
    await renderHelpdesks();
    fireEvent.input(screen.getByLabelText('Tag meaning a workaround was given'), { target: { value: 'wa_given' } });
    fireEvent.change(screen.getByLabelText('pending'), { target: { value: 'active' } });
    const jira = screen.getByRole('group', { name: 'Jira' });
    const waiting = within(jira).getByRole('group', { name: 'Statuses meaning "waiting on the customer"' });
    fireEvent.click(within(waiting).getByRole('button', { name: 'Add: Status name' }));
    const inputs = within(waiting).getAllByRole('textbox');
    fireEvent.input(inputs[inputs.length - 1] as HTMLElement, { target: { value: 'Awaiting reply' } });
    const saves = screen.getAllByRole('button', { name: 'Save' });
    fireEvent.click(saves[saves.length - 1] as HTMLElement);
    await waitFor(() => expect(screen.getByText('Saved.')).toBeTruthy());
    const stored = await fieldMappingsItem.get();
    const zendesk = parseZendeskMapping(stored.zendesk);
    expect(zendesk.workaroundTag).toBe('wa_given');
    expect(zendesk.status.pending).toBe('active');
    expect(parseJiraMapping(stored.jira).waitingStatuses).toContain('Awaiting reply');
  });
});

describe('Data Center address', () => {
  it.each([
    ['a bare host gets https', 'jira.example.com', 'https://jira.example.com'],
    ['a page URL is cut to its origin', 'https://jira.example.com:8443/browse/OPS-1', 'https://jira.example.com:8443'],
    ['plain http is refused', 'http://jira.example.com', null],
    ['nonsense is refused', 'not a host at all', null],
  ])('%s', (_rule, input, expected) => {
    expect(dataCenterOrigin(input)).toBe(expected);
  });
});
