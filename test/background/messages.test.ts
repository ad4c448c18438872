import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { backgroundIdle, createBackground } from '../../lib/background';
import { setStorageProblemSink, watchedTicketsItem } from '../../lib/storage';
import { sev1 } from '../alarms/alarm-fixtures';
import sample from '../fixtures/policy.sample.json';
import { backgroundDeps, contentSender, type FakeWorld, fakeWorld, popupSender } from './fake-ports';

let world: FakeWorld;

// Wakes requested by a test's messages finish before the next test resets the fake browser.
afterEach(() => backgroundIdle());

beforeEach(() => {
  fakeBrowser.reset();
  setStorageProblemSink(() => undefined);
  world = fakeWorld('2026-07-14T10:05:00Z');
});

const seen = (ticket = sev1(), extra: Record<string, unknown> = {}) => ({
  type: 'ticket:seen',
  ticket,
  source: 'api',
  fetchedAt: '2026-07-14T10:05:00Z',
  ...extra,
});

describe('the background checks who is asking', () => {
  it('refuses a ticket report from a helpdesk the engineer does not watch', async () => {
    await fakeBrowser.storage.sync.set({ helpdeskSites: { zendesk: ['other'], jira: [], dataCenter: [] } });
    const background = createBackground(backgroundDeps(world));
    const reply = await background.onMessage(seen(), contentSender());
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/not a watched helpdesk/) });
    expect(await watchedTicketsItem.get()).toEqual({});
  });

  it("refuses a page reporting another origin's ticket", async () => {
    const background = createBackground(backgroundDeps(world));
    const reply = await background.onMessage(seen(), contentSender('https://evil.zendesk.com/agent/tickets/1'));
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/evil\.zendesk\.com reported a ticket of https:\/\/acme/) });
  });

  it('refuses an unknown message with a clear error', async () => {
    const background = createBackground(backgroundDeps(world));
    expect(await background.onMessage({ type: 'tickets:purge' }, popupSender())).toEqual({
      ok: false,
      error: 'Rejected message: unknown type "tickets:purge"',
    });
    expect(world.logs).toContain('Rejected message: unknown type "tickets:purge"');
  });

  it('refuses acknowledging a ticket that is not watched', async () => {
    const background = createBackground(backgroundDeps(world));
    const reply = await background.onMessage({ type: 'ticket:acknowledge', ticket: { system: 'jira', id: 'X-1' }, role: 'sales-rep' }, popupSender());
    expect(reply).toEqual({ ok: false, error: 'ticket:acknowledge failed: ticket jira:X-1 is not watched' });
  });
});

describe('tickets:list', () => {
  it('lists overdue first, then to notify, then by the nearest deadline, flagging mine', async () => {
    await fakeBrowser.storage.sync.set({
      generalSettings: { mine: { enabled: true, email: null, zendeskUserId: '42', jiraAccountId: null }, ackNoteMode: 'ask', forgetSolvedAfterDays: 7 },
    });
    const background = createBackground(backgroundDeps(world));
    const replied = (id: string, createdAt: string, reply: string) =>
      sev1({ id, createdAt, history: [{ at: reply, kind: 'publicReply' }] });
    // 1: opened 09:50, replied: ok. 2: opened 07:50, replied 09:30: level 2 reached → notify. 3: never answered → overdue.
    await background.onMessage(seen(replied('1', '2026-07-14T09:50:00.000Z', '2026-07-14T09:55:00.000Z'), { assignee: '42' }), contentSender());
    await background.onMessage(seen(replied('2', '2026-07-14T07:50:00.000Z', '2026-07-14T09:30:00.000Z')), contentSender());
    await background.onMessage(seen(sev1({ id: '3', createdAt: '2026-07-14T09:00:00.000Z' })), contentSender());
    const reply = await background.onMessage({ type: 'tickets:list' }, popupSender());
    expect(reply.ok && (reply.data as { rows: Array<{ key: string; evaluation: { state: string }; mine: boolean }> }).rows.map((t) => [t.key, t.evaluation.state, t.mine])).toEqual([
      ['zendesk:3@https://acme.zendesk.com', 'overdue', false],
      ['zendesk:2@https://acme.zendesk.com', 'notify', false],
      ['zendesk:1@https://acme.zendesk.com', 'ok', true],
    ]);
  });

  it('is not available to content scripts', async () => {
    const background = createBackground(backgroundDeps(world));
    expect((await background.onMessage({ type: 'tickets:list' }, contentSender())).ok).toBe(false);
  });
});

describe('ticket:acknowledge with a note on the ticket', () => {
  async function watchedWithTab() {
    const background = createBackground(backgroundDeps(world));
    await background.onMessage(seen(), contentSender());
    await fakeBrowser.tabs.create({ url: 'https://acme.zendesk.com/agent/tickets/35436' });
    return background;
  }

  it('asks a tab of the helpdesk to write the note and records the acknowledgement as on the ticket', async () => {
    const background = await watchedWithTab();
    const reply = await background.onMessage(
      { type: 'ticket:acknowledge', ticket: { system: 'zendesk', id: '35436' }, role: 'sales-rep', recordOnTicket: true, person: 'Jane Doe', channel: 'email' },
      popupSender(),
    );
    expect(reply).toEqual({ ok: true, data: { acknowledgement: { at: '2026-07-14T10:05:00.000Z', by: 'ticket' } } });
    expect(world.sentToTabs[0]?.message).toEqual({
      type: 'content:record-acknowledgement',
      ticket: { system: 'zendesk', id: '35436' },
      role: 'sales-rep',
      roleName: 'Sales Rep',
      level: 2,
      at: '2026-07-14T10:05:00.000Z',
      person: 'Jane Doe',
      channel: 'email',
    });
  });

  it('keeps the acknowledgement local and says why when the note could not be written', async () => {
    const background = await watchedWithTab();
    world.tabReply = () => ({ ok: false, error: 'CSRF token expired' });
    const reply = await background.onMessage(
      { type: 'ticket:acknowledge', ticket: { system: 'zendesk', id: '35436' }, role: 'sales-rep', recordOnTicket: true },
      popupSender(),
    );
    expect(reply).toEqual({ ok: true, data: { acknowledgement: { at: '2026-07-14T10:05:00.000Z', by: 'local' }, recordError: 'CSRF token expired' } });
  });

  it('keeps it local when no tab of the helpdesk is open', async () => {
    const background = createBackground(backgroundDeps(world));
    await background.onMessage(seen(), contentSender());
    const reply = await background.onMessage(
      { type: 'ticket:acknowledge', ticket: { system: 'zendesk', id: '35436' }, role: 'sales-rep', recordOnTicket: true },
      popupSender(),
    );
    expect(reply.ok && (reply.data as { recordError?: string }).recordError).toMatch(/no open https:\/\/acme\.zendesk\.com tab/);
  });
});

describe('one note per role (issue 12)', () => {
  const ack = { type: 'ticket:acknowledge', ticket: { system: 'zendesk', id: '35436' }, role: 'sales-rep', recordOnTicket: true } as const;
  const notes = () => world.sentToTabs.filter((sent) => sent.message.type === 'content:record-acknowledgement');

  async function watchedWithTab(ticket = sev1()) {
    const background = createBackground(backgroundDeps(world));
    await background.onMessage(seen(ticket), contentSender());
    await fakeBrowser.tabs.create({ url: 'https://acme.zendesk.com/agent/tickets/35436' });
    return background;
  }

  it('a second "Mark notified" after the note was written writes no second note', async () => {
    const background = await watchedWithTab();
    expect((await background.onMessage(ack, popupSender())).ok).toBe(true);
    expect((await background.onMessage(ack, contentSender())).ok).toBe(true);
    expect(notes()).toHaveLength(1);
  });

  it('two clicks while the note is being written give one note', async () => {
    const background = await watchedWithTab();
    world.tabReply = () => new Promise((resolve) => setTimeout(() => resolve({ ok: true }), 30));
    const replies = await Promise.all([background.onMessage(ack, popupSender()), background.onMessage(ack, popupSender())]);
    expect(replies.map((reply) => reply.ok && (reply.data as { acknowledgement: { by: string } }).acknowledgement.by)).toEqual(['ticket', 'ticket']);
    expect(notes()).toHaveLength(1);
  });

  it('a note a colleague already wrote on the ticket is not written again', async () => {
    const history = [{ at: '2026-07-14T10:01:00.000Z', kind: 'notified' as const, role: 'sales-rep' }];
    const background = await watchedWithTab(sev1({ history }));
    const reply = await background.onMessage(ack, popupSender());
    expect(reply).toMatchObject({ ok: true, data: { acknowledgement: { by: 'ticket' } } });
    expect(notes()).toHaveLength(0);
  });
});

describe('policy:get and directory:get', () => {
  it('answers the managed policy, read-only source named', async () => {
    await fakeBrowser.storage.managed.set({ policy: { ...sample, name: 'From IT' } });
    const background = createBackground(backgroundDeps(world));
    const reply = await background.onMessage({ type: 'policy:get' }, popupSender());
    expect(reply).toMatchObject({ ok: true, data: { source: 'managed', policy: { name: 'From IT' } } });
  });

  it.each([
    { type: 'policy:get' },
    { type: 'directory:get' },
    { type: 'ticket:get', ticket: { system: 'zendesk', id: '35436' } },
    { type: 'ticket:snooze', ticket: { system: 'zendesk', id: '35436' }, minutes: 30 },
  ])('a helpdesk page may not ask for $type (it does not use it)', async (message) => {
    const background = createBackground(backgroundDeps(world));
    await background.onMessage(seen(), contentSender());
    const reply = await background.onMessage(message, contentSender());
    expect(reply).toEqual({ ok: false, error: `Rejected ${message.type}: not accepted from a content script` });
  });

  it("a page's ticket:view is answered for its own origin only", async () => {
    const background = createBackground(backgroundDeps(world));
    await background.onMessage(seen(), contentSender());
    const ticket = { system: 'zendesk', id: '35436', origin: 'https://acme.zendesk.com' };
    const other = await background.onMessage({ type: 'ticket:view', ticket }, contentSender('https://free.zendesk.com/agent/tickets/35436'));
    expect(other).toEqual({ ok: true, data: { view: null } });
    const own = await background.onMessage({ type: 'ticket:view', ticket }, contentSender());
    expect(own).toMatchObject({ ok: true, data: { view: { ticketId: '35436' } } });
  });

  it('answers the stored directory', async () => {
    const background = createBackground(backgroundDeps(world));
    const reply = await background.onMessage({ type: 'directory:get' }, popupSender());
    expect(reply).toEqual({ ok: true, data: { directory: { roles: {}, salesReps: [], directorRotations: {} } } });
  });
});

describe('ticket:open', () => {
  it('opens the ticket when no tab shows it', async () => {
    const background = createBackground(backgroundDeps(world));
    await background.onMessage(seen(), contentSender());
    const reply = await background.onMessage({ type: 'ticket:open', ticket: { system: 'zendesk', id: '35436' } }, popupSender());
    expect(reply).toMatchObject({ ok: true, data: { opened: true } });
  });

  it('focuses the tab already showing it', async () => {
    const background = createBackground(backgroundDeps(world));
    await background.onMessage(seen(), contentSender());
    const tab = await fakeBrowser.tabs.create({ url: 'https://acme.zendesk.com/agent/tickets/35436?foo=1' });
    const reply = await background.onMessage({ type: 'ticket:open', ticket: { system: 'zendesk', id: '35436' } }, popupSender());
    expect(reply).toEqual({ ok: true, data: { tabId: tab.id, opened: false } });
  });
});

describe('options:open', () => {
  it('opens the options page at People for a page ("nobody in the directory"), which cannot open it itself', async () => {
    const background = createBackground(backgroundDeps(world));
    const reply = await background.onMessage({ type: 'options:open', section: 'people' }, contentSender());
    expect(reply.ok).toBe(true);
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((tab) => tab.url)).toContain(fakeBrowser.runtime.getURL('/options.html#people'));
  });

  it('opens nothing but the options page: an unknown section is refused', async () => {
    const background = createBackground(backgroundDeps(world));
    const reply = await background.onMessage({ type: 'options:open', section: 'https://evil.example' }, contentSender());
    expect(reply.ok).toBe(false);
  });
});
