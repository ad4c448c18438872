import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { backgroundIdle, createBackground, type Background } from '../../lib/background';
import { historyFetchers } from '../../lib/background/history-fetchers';
import { backgroundOverMessages } from '../../lib/content/page-background';
import { evaluate } from '../../lib/engine/evaluate';
import { ticketFromZendesk } from '../../lib/helpdesks/zendesk/map';
import { defaultPolicy } from '../../lib/policy';
import type { SenderInfo } from '../../lib/messages/sender';
import { currentUsersItem, generalSettingsItem, setStorageProblemSink, watchedTicketsItem } from '../../lib/storage';
import { stoppedTicketsItem } from '../../lib/storage/stopped-tickets';
import { sev1 } from '../alarms/alarm-fixtures';
import { useEnglishMessages } from '../i18n/english-messages';
import { jiraJson } from '../helpdesks/jira/fixtures';
import { ticket35436 } from '../helpdesks/zendesk/fixtures';
import { backgroundDeps, contentSender, type FakeWorld, fakeWorld, popupSender } from './fake-ports';

/**
 * The background as the pages' brain: raw REST bodies in, parsed with the helpdesk's schemas and
 * the stored mapping, stored, evaluated, answered as views the page only renders.
 */

let world: FakeWorld;
let background: Background;

afterEach(() => backgroundIdle());

beforeEach(() => {
  fakeBrowser.reset();
  useEnglishMessages();
  setStorageProblemSink(() => undefined);
  world = fakeWorld('2026-07-14T06:50:00Z');
  background = createBackground(backgroundDeps(world));
});

const ingest = (raw: Record<string, unknown>, system: 'zendesk' | 'jira' = 'zendesk', sender: SenderInfo = contentSender()) =>
  background.onMessage({ type: 'ticket:ingest', system, raw, fetchedAt: '2026-07-14T06:50:00Z' }, sender);

const dataOf = <T>(reply: { ok: boolean; data?: unknown; error?: string }): T => {
  if (!reply.ok) throw new Error(`expected an answer, got: ${reply.error}`);
  return reply.data as T;
};

type ViewReply = { kind: 'view'; key: string; view: Record<string, unknown> } | { kind: 'malformed'; error: string };

describe('ticket:ingest', () => {
  it('parses a Zendesk read, stores the ticket with its history and answers the view to render', async () => {
    const reply = dataOf<ViewReply>(await ingest(ticket35436()));
    expect(reply.kind).toBe('view');
    if (reply.kind !== 'view') return;
    expect(reply.key).toBe('zendesk:35436@https://acme.zendesk.com');
    expect(reply.view).toMatchObject({ system: 'zendesk', ticketId: '35436', severity: 2, source: 'api', officeName: 'Shanghai Office' });
    expect(reply.view.nativeSla).toEqual([
      { name: 'first_reply_time', breachAt: Date.parse('2026-07-14T02:30:00Z'), paused: false, breached: false },
      { name: 'next_reply_time', breachAt: Date.parse('2026-07-14T07:20:00Z'), paused: false, breached: false },
      { name: 'pausable_update_time', breachAt: null, paused: true, breached: false },
    ]);
    const stored = (await watchedTicketsItem.get())['zendesk:35436@https://acme.zendesk.com'];
    expect(stored?.source).toBe('api');
    expect(stored?.origin).toBe('https://acme.zendesk.com');
    expect(stored?.ticket.history.length).toBeGreaterThan(0);
  });

  it('learns who the engineer is from the page read (raw.me) and lists their assigned tickets as mine, unconfigured (issue 13)', async () => {
    const popupRows = async () =>
      dataOf<{ rows: Array<{ key: string; mine: boolean }> }>(await background.onMessage({ type: 'tickets:list' }, popupSender())).rows;
    dataOf<ViewReply>(await ingest(ticket35436()));
    expect((await popupRows()).map((row) => row.mine)).toEqual([false]);
    // The page read users/me: user 9101, the ticket's assignee.
    dataOf<ViewReply>(await ingest({ ...ticket35436(), me: '9101' }));
    expect(await currentUsersItem.get()).toEqual({ 'https://acme.zendesk.com': '9101' });
    expect(await popupRows()).toEqual([expect.objectContaining({ key: 'zendesk:35436@https://acme.zendesk.com', mine: true })]);
  });

  it('parses a Jira read with the service desk SLAs', async () => {
    const sla = jiraJson('cloud-ops-42.sla.json').values as unknown[];
    const reply = dataOf<ViewReply>(
      await ingest({ issue: jiraJson('cloud-ops-42.complete.json'), sla }, 'jira', contentSender('https://acme.atlassian.net/browse/OPS-42')),
    );
    expect(reply).toMatchObject({ kind: 'view', key: 'jira:OPS-42@https://acme.atlassian.net', view: { ticketId: 'OPS-42', url: 'https://acme.atlassian.net/browse/OPS-42' } });
    expect(reply.kind === 'view' && (reply.view.nativeSla as unknown[]).length).toBe(2);
  });

  it('answers a body that does not parse with the field it names, and stores nothing', async () => {
    const raw = ticket35436();
    raw.ticket = { ...raw.ticket, updated_at: 'soon' };
    expect(dataOf<ViewReply>(await ingest(raw))).toEqual({ kind: 'malformed', error: expect.stringMatching(/ticket\.updated_at: expected an ISO date/) });
    expect(await watchedTicketsItem.get()).toEqual({});
  });

  it.each([
    ['a Jira issue missing its changelog', 'jira', { issue: { ...jiraJson('cloud-ops-42.complete.json'), changelog: undefined } }, /changelog/],
    ['audits that are not a list', 'zendesk', { ...ticket35436(), audits: 'none' }, /audits/],
  ] as const)('%s is malformed, named', async (_rule, system, raw, error) => {
    const sender = system === 'jira' ? contentSender('https://acme.atlassian.net/browse/OPS-42') : contentSender();
    expect(dataOf<ViewReply>(await ingest(raw, system, sender))).toEqual({ kind: 'malformed', error: expect.stringMatching(error) });
  });

  it("refuses a page handing in another origin's ticket", async () => {
    const reply = await ingest(ticket35436(), 'zendesk', contentSender('https://evil.zendesk.com/agent/tickets/1'));
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/evil\.zendesk\.com reported a ticket of https:\/\/acme/) });
    expect(await watchedTicketsItem.get()).toEqual({});
  });

  it('is not accepted from an extension page', async () => {
    expect((await ingest(ticket35436(), 'zendesk', popupSender())).ok).toBe(false);
  });

  it('a stored field mapping that no longer parses fails the request with its own error', async () => {
    await fakeBrowser.storage.sync.set({ fieldMappings: { zendesk: { severity: { source: 'customField' } }, jira: null } });
    const reply = await ingest(ticket35436());
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/Zendesk field mapping: severity/) });
  });
});

describe('tickets:ingest-many', () => {
  it('answers one row view per ticket that parses, names the others, and stores none', async () => {
    const { ticket } = ticket35436();
    const broken = { ...ticket, created_at: undefined };
    const reply = dataOf<{ rows: Array<{ id: string; state: string }>; problems: Array<{ index: number; error: string }> }>(
      await background.onMessage({ type: 'tickets:ingest-many', system: 'zendesk', raws: [{ ticket }, { ticket: broken }] }, contentSender()),
    );
    expect(reply.rows.map((row) => row.id)).toEqual(['35436']);
    expect(reply.problems).toEqual([{ index: 1, error: expect.stringMatching(/tickets\[1\]\.created_at: missing/) }]);
    expect(await watchedTicketsItem.get()).toEqual({});
  });
});

describe('ticket:view', () => {
  it('evaluates the stored ticket again, with the acknowledgements made since', async () => {
    world.clock.now = new Date('2026-07-14T10:30:00Z'); // the Sev 1 ticket opened 08:00 is at level 2: its Sales Rep is due
    await background.onMessage({ type: 'ticket:seen', ticket: sev1(), source: 'api', fetchedAt: '2026-07-14T10:30:00Z' }, contentSender());
    const ref = { system: 'zendesk', id: '35436' } as const;
    const before = dataOf<{ view: { people: Array<{ roleId: string; pending: boolean }>; nativeSla: unknown } }>(
      await background.onMessage({ type: 'ticket:view', ticket: ref }, contentSender()),
    );
    const pendingRole = before.view.people.find((person) => person.pending)?.roleId;
    expect(pendingRole).toBeDefined();
    expect(before.view.nativeSla).toBeNull();
    await background.onMessage({ type: 'ticket:acknowledge', ticket: ref, role: pendingRole ?? '' }, popupSender());
    const after = dataOf<{ view: { people: Array<{ roleId: string; pending: boolean }> } }>(
      await background.onMessage({ type: 'ticket:view', ticket: ref }, contentSender()),
    );
    expect(after.view.people.find((person) => person.roleId === pendingRole)?.pending).toBe(false);
  });

  it('is null for a ticket the background does not have, or that another helpdesk read', async () => {
    await ingest(ticket35436());
    const ask = (id: string, url?: string) => background.onMessage({ type: 'ticket:view', ticket: { system: 'zendesk', id } }, contentSender(url));
    expect(dataOf(await ask('1'))).toEqual({ view: null });
    expect(dataOf(await ask('35436', 'https://other.zendesk.com/agent/tickets/1'))).toEqual({ view: null });
  });
});

describe('page:config and ticket:seen', () => {
  it("gives a page its helpdesk's mapping (validated, defaults filled in) and the note setting", async () => {
    const reply = dataOf<{ mapping: Record<string, unknown>; ackNoteMode: string }>(
      await background.onMessage({ type: 'page:config', system: 'zendesk' }, contentSender()),
    );
    expect(reply.ackNoteMode).toBe('ask');
    expect(reply.mapping).toMatchObject({ severity: { source: 'priority' }, workaroundTag: 'workaround_provided' });
  });

  it('a ticket read from the page is stored and answered as a view marked as from the page', async () => {
    const reply = dataOf<{ key: string; view: { source: string; ackNoteMode: string } }>(
      await background.onMessage({ type: 'ticket:seen', ticket: sev1(), source: 'dom', fetchedAt: '2026-07-14T06:50:00Z' }, contentSender()),
    );
    expect(reply.view).toMatchObject({ source: 'dom', ackNoteMode: 'off' });
  });
});

describe('the page and the background, through the page’s own messaging', () => {
  it('a raw read goes in, a checked view comes out: the page renders it without the engine', async () => {
    const page = backgroundOverMessages('zendesk', (message) => background.onMessage(message, contentSender()));
    const outcome = await page.ingest({ id: '35436', version: '2026-07-14T06:30:00Z', raw: ticket35436() }, new Date('2026-07-14T06:50:00Z'));
    expect(outcome.kind).toBe('view');
    if (outcome.kind !== 'view') return;
    expect(outcome.shown.view.openedAt).toEqual(new Date('2026-07-14T01:30:00Z'));
    expect(outcome.shown.native?.[0]?.breachAt).toEqual(new Date('2026-07-14T02:30:00Z'));
    const first = outcome.shown.view.people[0];
    expect(first && outcome.shown.messages.get(first.roleId)?.body).toContain('35436');
    await expect(page.view({ system: 'zendesk', id: '35436' })).resolves.toMatchObject({ native: null });
    await expect(page.config()).resolves.toMatchObject({ ackNoteMode: 'ask' });
  });

  it('an acknowledgement made in the popup tells the tabs of that helpdesk to ask again', async () => {
    await ingest(ticket35436());
    const tab = await fakeBrowser.tabs.create({ url: 'https://acme.zendesk.com/agent/tickets/35436' });
    await background.onMessage({ type: 'ticket:acknowledge', ticket: { system: 'zendesk', id: '35436' }, role: 'sales-rep' }, popupSender());
    await backgroundIdle();
    expect(world.sentToTabs).toContainEqual({ tabId: tab.id, message: { type: 'content:ticket-changed', ticket: { system: 'zendesk', id: '35436' } } });
  });
});

describe('list rows tell the truth (issue 11)', () => {
  const VIEW_TAB_URL = 'https://acme.zendesk.com/agent/filters/1';
  const rowsOf = async (raws: Array<Record<string, unknown>>, system: 'zendesk' | 'jira' = 'zendesk', url = VIEW_TAB_URL) =>
    dataOf<{ rows: Array<{ id: string; state: string; deadlineAt: number | null }> }>(
      await background.onMessage({ type: 'tickets:ingest-many', system, raws }, contentSender(url, 7)),
    ).rows;

  function withAuditsServed(full: ReturnType<typeof ticket35436>): string[] {
    const requests: string[] = [];
    world.ports.fetch = async (input) => {
      requests.push(String(input));
      return new Response(JSON.stringify({ audits: full.audits, users: full.users, next_page: null }), {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      });
    };
    return requests;
  }

  beforeEach(() => {
    background = createBackground(backgroundDeps(world, { historyFetchers }));
  });

  it('a show_many row is "checking" until its history is read, then shows what the ticket badge shows', async () => {
    const full = ticket35436();
    const now = world.clock.now;
    const truth = evaluate(ticketFromZendesk(full), defaultPolicy, now).state;
    // The premise: without its history the ticket looks different (the old rows said so).
    expect(evaluate(ticketFromZendesk({ ticket: full.ticket }), defaultPolicy, now).state).not.toBe(truth);
    const requests = withAuditsServed(full);
    await fakeBrowser.tabs.create({ url: VIEW_TAB_URL });

    const first = await rowsOf([{ ticket: full.ticket }]);
    expect(first).toEqual([{ id: '35436', state: 'checking', deadlineAt: null, refreshAt: null, unavailable: null }]);

    await background.historyIdle();
    expect(requests).toEqual(['https://acme.zendesk.com/api/v2/tickets/35436/audits.json?include=users']);
    const stored = (await watchedTicketsItem.get())['zendesk:35436@https://acme.zendesk.com'];
    expect(stored).toMatchObject({ source: 'api', via: 'view', version: new Date(String(full.ticket.updated_at)).toISOString() });
    expect(stored?.ticket.history.length).toBeGreaterThan(0);
    // The view tab is told, so it asks for the row again.
    expect(world.sentToTabs.map((sent) => sent.message)).toContainEqual({ type: 'content:ticket-changed', ticket: { system: 'zendesk', id: '35436' } });

    const again = await rowsOf([{ ticket: full.ticket }]);
    expect(again[0]?.state).toBe(truth);
    const badge = dataOf<ViewReply>(await ingest(full));
    expect(badge.kind === 'view' ? badge.view.state : null).toBe(truth);
    // Warm: the stored history is as new as the row, so no request is made again.
    await rowsOf([{ ticket: full.ticket }]);
    await background.historyIdle();
    expect(requests).toHaveLength(1);
  });

  it('a row whose history the helpdesk refuses (403) or does not have (404) leaves "checking" for a final, neutral "unavailable", and is not read again', async () => {
    for (const [status, reason] of [
      [403, 'forbidden'],
      [404, 'notFound'],
    ] as const) {
      const full = ticket35436();
      const ticket = { ...full.ticket, updated_at: `2026-07-14T06:0${status - 400}:00Z` };
      const requests: string[] = [];
      world.ports.fetch = async (input) => {
        requests.push(String(input));
        return new Response(JSON.stringify({ error: 'RecordNotFound' }), { status, headers: { 'Content-Type': 'application/json' } });
      };
      await fakeBrowser.tabs.create({ url: VIEW_TAB_URL });
      world.sentToTabs.length = 0;
      expect((await rowsOf([{ ticket }]))[0]?.state).toBe('checking');
      await background.historyIdle();
      // The view tab is told at once, so the row does not wait for its 20 s re-ask.
      expect(world.sentToTabs.map((sent) => sent.message)).toContainEqual({ type: 'content:ticket-changed', ticket: { system: 'zendesk', id: '35436' } });
      const again = await rowsOf([{ ticket }]);
      expect(again).toEqual([{ id: '35436', state: 'unavailable', deadlineAt: null, refreshAt: null, unavailable: reason }]);
      await background.historyIdle();
      expect(requests).toHaveLength(1);
      expect((await watchedTicketsItem.get())['zendesk:35436@https://acme.zendesk.com']).toBeUndefined();
    }
  });

  it('rows the list read left out (deleted, or not visible to the agent) are answered as unavailable, in both helpdesks', async () => {
    const zendeskRows = dataOf<{ rows: unknown[] }>(
      await background.onMessage({ type: 'tickets:ingest-many', system: 'zendesk', raws: [], missing: ['35999'] }, contentSender(VIEW_TAB_URL, 7)),
    ).rows;
    expect(zendeskRows).toEqual([{ id: '35999', state: 'unavailable', deadlineAt: null, refreshAt: null, unavailable: 'notReturned' }]);
    const jiraRows = dataOf<{ rows: unknown[] }>(
      await background.onMessage(
        { type: 'tickets:ingest-many', system: 'jira', raws: [], missing: ['OPS-404'] },
        contentSender('https://acme.atlassian.net/jira/servicedesk/projects/OPS/queues/1', 7),
      ),
    ).rows;
    expect(jiraRows).toEqual([{ id: 'OPS-404', state: 'unavailable', deadlineAt: null, refreshAt: null, unavailable: 'notReturned' }]);
  });

  it('a row uses the stored history of an opened ticket at once when it is as new as the row', async () => {
    const full = ticket35436();
    const requests = withAuditsServed(full);
    const badge = dataOf<ViewReply>(await ingest(full));
    const rows = await rowsOf([{ ticket: full.ticket }]);
    expect(rows[0]?.state).toBe(badge.kind === 'view' ? badge.view.state : null);
    await background.historyIdle();
    expect(requests).toEqual([]);
    expect((await watchedTicketsItem.get())['zendesk:35436@https://acme.zendesk.com']?.via).toBe('ticket');
  });

  it('a row newer than the stored history is "checking" again and its history is read again', async () => {
    const full = ticket35436();
    const requests = withAuditsServed(full);
    await ingest(full);
    const replied = { ...full.ticket, updated_at: '2026-07-14T06:45:00Z' };
    const rows = await rowsOf([{ ticket: replied }]);
    expect(rows[0]?.state).toBe('checking');
    await background.historyIdle();
    expect(requests).toHaveLength(1);
    expect((await watchedTicketsItem.get())['zendesk:35436@https://acme.zendesk.com']?.version).toBe('2026-07-14T06:45:00.000Z');
  });

  it('a Jira list read carries its whole history: stored and answered at once, no further request', async () => {
    const requests = withAuditsServed(ticket35436());
    const issue = jiraJson('cloud-ops-42.complete.json');
    const rows = await rowsOf([{ issue }], 'jira', 'https://acme.atlassian.net/jira/servicedesk/projects/OPS/queues/1');
    expect(rows[0]?.state).not.toBe('checking');
    const stored = (await watchedTicketsItem.get())['jira:OPS-42@https://acme.atlassian.net'];
    expect(stored).toMatchObject({ source: 'api', via: 'view' });
    await background.historyIdle();
    expect(requests).toEqual([]);
  });
});

describe('tickets:forget-view', () => {
  it('forgets the tickets watched only because a view showed them, never one opened in a tab', async () => {
    const full = ticket35436();
    background = createBackground(backgroundDeps(world, { historyFetchers }));
    world.ports.fetch = async () =>
      new Response(JSON.stringify({ audits: full.audits, users: full.users, next_page: null }), { status: 200, headers: { 'Content-Type': 'application/json' } });
    await background.onMessage({ type: 'tickets:ingest-many', system: 'zendesk', raws: [{ ticket: full.ticket }] }, contentSender());
    await background.historyIdle();
    await ingest({ issue: jiraJson('cloud-ops-42.complete.json') }, 'jira', contentSender('https://acme.atlassian.net/browse/OPS-42'));
    expect(Object.keys(await watchedTicketsItem.get()).sort()).toEqual(['jira:OPS-42@https://acme.atlassian.net', 'zendesk:35436@https://acme.zendesk.com']);
    const reply = dataOf<{ forgotten: number }>(await background.onMessage({ type: 'tickets:forget-view' }, popupSender()));
    expect(reply.forgotten).toBe(1);
    expect(Object.keys(await watchedTicketsItem.get())).toEqual(['jira:OPS-42@https://acme.atlassian.net']);
  });
});

describe('stopping watching lasts (issue 11)', () => {
  const VIEW_TAB = 'https://acme.zendesk.com/agent/filters/1';
  const KEY = 'zendesk:35436@https://acme.zendesk.com';
  const full = ticket35436();
  const truth = () => evaluate(ticketFromZendesk(full), defaultPolicy, world.clock.now).state;
  let auditRequests = 0;

  async function viewRow(ticket = full.ticket) {
    const first = dataOf<{ rows: Array<{ state: string }> }>(
      await background.onMessage({ type: 'tickets:ingest-many', system: 'zendesk', raws: [{ ticket }] }, contentSender(VIEW_TAB, 7)),
    ).rows[0]?.state;
    await background.historyIdle();
    const again = dataOf<{ rows: Array<{ state: string }> }>(
      await background.onMessage({ type: 'tickets:ingest-many', system: 'zendesk', raws: [{ ticket }] }, contentSender(VIEW_TAB, 7)),
    ).rows[0]?.state;
    return { first, again };
  }
  const watchedKeys = async () => Object.keys(await watchedTicketsItem.get());

  beforeEach(async () => {
    background = createBackground(backgroundDeps(world, { historyFetchers }));
    auditRequests = 0;
    world.ports.fetch = async () => {
      auditRequests++;
      return new Response(JSON.stringify({ audits: full.audits, users: full.users, next_page: null }), { status: 200, headers: { 'Content-Type': 'application/json' } });
    };
    await fakeBrowser.tabs.create({ url: VIEW_TAB });
  });

  it('"Forget view tickets" also stops watching the tickets views show later; rows still tell the truth; undo watches them again', async () => {
    await viewRow();
    expect(await watchedKeys()).toEqual([KEY]);
    expect(dataOf<{ forgotten: number }>(await background.onMessage({ type: 'tickets:forget-view' }, popupSender())).forgotten).toBe(1);
    expect((await generalSettingsItem.get()).watchViewTickets).toBe(false);

    // The next view read (a newer version of the row) reads the history for the row, and does not watch the ticket.
    const newer = { ...full.ticket, updated_at: '2026-07-14T06:45:00Z' };
    const row = await viewRow(newer);
    expect(row).toEqual({ first: 'checking', again: truth() });
    expect(await watchedKeys()).toEqual([]);
    // Shown again at that version: from memory, no request, still not watched.
    const requestsBefore = auditRequests;
    expect((await viewRow(newer)).first).toBe(truth());
    expect(auditRequests).toBe(requestsBefore);
    expect(await watchedKeys()).toEqual([]);

    await background.onMessage({ type: 'tickets:watch-view' }, popupSender());
    expect((await generalSettingsItem.get()).watchViewTickets).toBe(true);
    // Shown again at the same version: the read kept for the row is watched now, still no request.
    expect((await viewRow(newer)).first).toBe(truth());
    expect(auditRequests).toBe(requestsBefore);
    expect(await watchedKeys()).toEqual([KEY]);
  });

  it('a forgotten ticket\'s row keeps its true badge from the history already read; one the store let go is read again, never stuck "checking"', async () => {
    await viewRow();
    const requests = auditRequests;
    await background.onMessage({ type: 'tickets:forget-view' }, popupSender());
    // The same version: answered at once from the read kept for rows, no request.
    expect((await viewRow()).first).toBe(truth());
    expect(auditRequests).toBe(requests);

    // Watched again, then let go by the store (as its cap would): the row reads the history again.
    await background.onMessage({ type: 'tickets:watch-view' }, popupSender());
    const later = { ...full.ticket, updated_at: '2026-07-14T06:55:00Z' };
    await viewRow(later);
    expect(await watchedKeys()).toEqual([KEY]);
    await watchedTicketsItem.update((store) => {
      const { [KEY]: _gone, ...rest } = store;
      return rest;
    });
    const before = auditRequests;
    expect(await viewRow(later)).toEqual({ first: 'checking', again: truth() });
    expect(auditRequests).toBe(before + 1);
  });

  it('"Stop watching" a ticket lasts through view reads until it is opened again or undone', async () => {
    await viewRow();
    const ref = { system: 'zendesk' as const, id: '35436', origin: 'https://acme.zendesk.com' };
    await background.onMessage({ type: 'ticket:forget', ticket: ref }, popupSender());
    expect(await watchedKeys()).toEqual([]);
    expect(Object.keys(await stoppedTicketsItem.get())).toEqual([KEY]);

    expect(await viewRow({ ...full.ticket, updated_at: '2026-07-14T06:45:00Z' })).toEqual({ first: 'checking', again: truth() });
    expect(await watchedKeys()).toEqual([]);

    // Undo: watched again at once, as it was.
    expect(dataOf<{ restored: boolean }>(await background.onMessage({ type: 'ticket:watch', ticket: ref }, popupSender())).restored).toBe(true);
    expect(await watchedKeys()).toEqual([KEY]);
    expect(await stoppedTicketsItem.get()).toEqual({});

    // Stopped again, then opened in a tab: watched again.
    await background.onMessage({ type: 'ticket:forget', ticket: ref }, popupSender());
    await viewRow({ ...full.ticket, updated_at: '2026-07-14T06:50:00Z' });
    expect(await watchedKeys()).toEqual([]);
    await ingest(full);
    expect(await watchedKeys()).toEqual([KEY]);
    expect(await stoppedTicketsItem.get()).toEqual({});
  });
});
