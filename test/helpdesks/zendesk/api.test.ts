import { describe, expect, it } from 'vitest';
import { HelpdeskError, type HelpdeskIo } from '../../../lib/helpdesks/contract';
import { fetchMany, fetchTicket, writeAckNote, writeInternalNote } from '../../../lib/helpdesks/zendesk/api';
import { fetchedFromZendeskRaw } from '../../../lib/helpdesks/zendesk/raw-parse';
import { fetchRawTicket, fetchRawTickets } from '../../../lib/helpdesks/zendesk/rest-reads';
import { ticketFromZendesk } from '../../../lib/helpdesks/zendesk/map';
import { defaultZendeskMapping } from '../../../lib/helpdesks/zendesk/mapping';
import { at, expected35436 } from './expected-35436';
import { arrayAt, fixtureJson, fixtureText } from './fixtures';

const origin = 'https://acme.zendesk.com';
const mapping = defaultZendeskMapping;

type Answer = { status?: number; body: unknown; headers?: Record<string, string> };
type Route = (url: URL, init: RequestInit | undefined) => Answer | undefined;

/** A fake Zendesk: routes answer by path and query; every request is recorded. */
function fakeZendesk(routes: Record<string, Answer | Route>) {
  const requests: Array<{ url: URL; init: RequestInit | undefined }> = [];
  const sleeps: number[] = [];
  const io: HelpdeskIo = {
    origin,
    fetch: async (input, init) => {
      const url = new URL(String(input));
      requests.push({ url, init });
      const route = routes[url.pathname + url.search] ?? routes[url.pathname];
      const answer = typeof route === 'function' ? route(url, init) : route;
      if (answer === undefined) return new Response('{"error":"RecordNotFound"}', { status: 404 });
      return new Response(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body), {
        status: answer.status ?? 200,
        headers: { 'Content-Type': 'application/json; charset=utf-8', ...answer.headers },
      });
    },
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    now: () => at('06:50'),
  };
  return { io, requests, sleeps };
}

const ticketRoutes = (ticketFile = 'ticket-35436.json') => ({
  '/api/v2/tickets/35436.json?include=slas,organizations': { body: JSON.parse(fixtureText(ticketFile)) as unknown },
  '/api/v2/tickets/35436/audits.json?include=users': { body: fixtureJson('audits-35436-page1.json') },
  '/api/v2/tickets/35436/audits.json?include=users&page=2': { body: fixtureJson('audits-35436-page2.json') },
});

async function helpdeskError(promise: Promise<unknown>): Promise<HelpdeskError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HelpdeskError) return error;
    throw error;
  }
  throw new Error('expected a HelpdeskError');
}

describe('fetchTicket', () => {
  it('reads the ticket and every audit page, and maps them with the users of all pages', async () => {
    const { io, requests } = fakeZendesk(ticketRoutes());
    const fetched = await fetchTicket('35436', io, mapping);
    expect(fetched.ticket).toEqual(expected35436);
    expect(fetched.version).toBe('2026-07-14T06:30:00.000Z');
    expect(requests.map(({ url }) => url.pathname + url.search).sort()).toEqual([
      '/api/v2/tickets/35436.json?include=slas,organizations',
      '/api/v2/tickets/35436/audits.json?include=users',
      '/api/v2/tickets/35436/audits.json?include=users&page=2',
    ]);
  });

  it('takes Zendesk’s own SLA targets from the sideload', async () => {
    const { io } = fakeZendesk(ticketRoutes());
    expect((await fetchTicket('35436', io, mapping)).nativeSla).toEqual([
      { name: 'first_reply_time', breachAt: at('02:30'), paused: false, breached: false }, // achieved
      { name: 'next_reply_time', breachAt: at('07:20'), paused: false, breached: false },
      { name: 'pausable_update_time', breachAt: null, paused: true, breached: false },
    ]);
  });

  it('falls back to ticket metric events when the ticket has no SLA sideload', async () => {
    const { io } = fakeZendesk({
      ...ticketRoutes('ticket-35436-no-sla.json'),
      '/api/v2/tickets/35436/metric_events.json': { body: fixtureJson('metric-events-35436.json') },
    });
    expect((await fetchTicket('35436', io, mapping)).nativeSla).toEqual([
      // breach events deleted once the first reply fulfilled the target
      { name: 'first_reply_time', breachAt: null, paused: false, breached: false },
      // the live breach event at 05:10 has passed at 06:50
      { name: 'next_reply_time', breachAt: at('05:10'), paused: false, breached: true },
    ]);
  });

  it.each([403, 404])('has no native SLA targets when metric events answer %i', async (status) => {
    const { io } = fakeZendesk({
      ...ticketRoutes('ticket-35436-no-sla.json'),
      '/api/v2/tickets/35436/metric_events.json': { status, body: { error: 'Forbidden' } },
    });
    const fetched = await fetchTicket('35436', io, mapping);
    expect(fetched.nativeSla).toEqual([]);
    expect(fetched.ticket).toEqual(expected35436);
  });

  it('reads the ticket when metric events fail otherwise, and says the native SLA is missing (a side read)', async () => {
    const { io } = fakeZendesk({
      ...ticketRoutes('ticket-35436-no-sla.json'),
      '/api/v2/tickets/35436/metric_events.json': { status: 503, body: {} },
    });
    const fetched = await fetchTicket('35436', io, mapping);
    expect(fetched.nativeSla).toEqual([]);
    expect(fetched.ticket).toEqual({ ...expected35436, gaps: [expect.stringMatching(/Zendesk's own SLA could not be read \(.*503/)] });
  });

  it('reads metric events keyed by metric (the shape public code reads) as the list', async () => {
    const list = arrayAt(fixtureJson('metric-events-35436.json'), 'ticket_metric_events');
    const byMetric: Record<string, unknown[]> = {};
    for (const event of list) (byMetric[String(event.metric)] ??= []).push(event);
    const { io } = fakeZendesk({
      ...ticketRoutes('ticket-35436-no-sla.json'),
      '/api/v2/tickets/35436/metric_events.json': { body: { ticket_metric_events: byMetric, next_page: null } },
    });
    const fetched = await fetchTicket('35436', io, mapping);
    expect(fetched.nativeSla.map((target) => [target.name, target.breached])).toEqual([
      ['first_reply_time', false],
      ['next_reply_time', true],
    ]);
    expect(fetched.ticket.gaps).toBeUndefined();
  });

  it('reads the ticket when metric events come in a shape not recognised, and says so', async () => {
    const { io } = fakeZendesk({
      ...ticketRoutes('ticket-35436-no-sla.json'),
      '/api/v2/tickets/35436/metric_events.json': { body: { ticket_metric_events: 'n/a' } },
    });
    const fetched = await fetchTicket('35436', io, mapping);
    expect(fetched.nativeSla).toEqual([]);
    expect(fetched.ticket.gaps).toEqual([expect.stringMatching(/shape not recognised/)]);
    expect(fetched.ticket.history).toEqual(expected35436.history);
  });

  it('looks up comment authors missing from the users sideload with users/show_many', async () => {
    const page1 = fixtureJson('audits-35436-page1.json');
    const page2 = fixtureJson('audits-35436-page2.json');
    const agent = arrayAt(page1, 'users').find((user) => user.id === 9101);
    const { io, requests } = fakeZendesk({
      ...ticketRoutes(),
      '/api/v2/tickets/35436/audits.json?include=users': { body: { ...page1, users: arrayAt(page1, 'users').filter((user) => user.id !== 9101) } },
      '/api/v2/tickets/35436/audits.json?include=users&page=2': { body: { ...page2, users: arrayAt(page2, 'users').filter((user) => user.id !== 9101) } },
      '/api/v2/users/show_many.json?ids=9101': { body: { users: [agent] } },
    });
    expect((await fetchTicket('35436', io, mapping)).ticket).toEqual(expected35436);
    expect(requests.map(({ url }) => url.pathname + url.search)).toContain('/api/v2/users/show_many.json?ids=9101');
  });

  it('still reads the ticket when users/show_many does not know the author either: not an agent reply, said', async () => {
    const page1 = fixtureJson('audits-35436-page1.json');
    const page2 = fixtureJson('audits-35436-page2.json');
    const { io } = fakeZendesk({
      ...ticketRoutes(),
      '/api/v2/tickets/35436/audits.json?include=users': { body: { ...page1, users: arrayAt(page1, 'users').filter((user) => user.id !== 9101) } },
      '/api/v2/tickets/35436/audits.json?include=users&page=2': { body: { ...page2, users: arrayAt(page2, 'users').filter((user) => user.id !== 9101) } },
      '/api/v2/users/show_many.json?ids=9101': { body: { users: [] } },
    });
    const { ticket } = await fetchTicket('35436', io, mapping);
    expect(ticket.gaps).toEqual([expect.stringMatching(/comments by user 9101/)]);
    expect(ticket.history.some((event) => event.kind === 'publicReply' && event.at.getTime() === at('02:10').getTime())).toBe(false);
  });

  it('follows cursor pagination (meta.has_more, links.next)', async () => {
    const page1 = fixtureJson('audits-35436-page1.json');
    const page2 = fixtureJson('audits-35436-page2.json');
    const cursorNext = `${origin}/api/v2/tickets/35436/audits.json?include=users&page%5Bafter%5D=xyz`;
    const { io } = fakeZendesk({
      ...ticketRoutes(),
      '/api/v2/tickets/35436/audits.json?include=users': {
        body: { ...page1, next_page: undefined, meta: { has_more: true, after_cursor: 'xyz' }, links: { next: cursorNext } },
      },
      '/api/v2/tickets/35436/audits.json?include=users&page%5Bafter%5D=xyz': {
        body: { ...page2, next_page: undefined, meta: { has_more: false }, links: { next: null } },
      },
    });
    expect((await fetchTicket('35436', io, mapping)).ticket).toEqual(expected35436);
  });

  it('refuses a next page on another origin without requesting it', async () => {
    const page1 = { ...fixtureJson('audits-35436-page1.json'), next_page: 'https://evil.example.com/steal.json' };
    const { io, requests } = fakeZendesk({ ...ticketRoutes(), '/api/v2/tickets/35436/audits.json?include=users': { body: page1 } });
    const error = await helpdeskError(fetchTicket('35436', io, mapping));
    expect(error.message).toMatch(/refusing/);
    expect(requests.every(({ url }) => url.origin === origin)).toBe(true);
  });

  it('stops a pagination that never ends', async () => {
    const loop = { ...fixtureJson('audits-35436-page1.json'), next_page: `${origin}/api/v2/tickets/35436/audits.json?include=users` };
    const { io } = fakeZendesk({ ...ticketRoutes(), '/api/v2/tickets/35436/audits.json?include=users': { body: loop } });
    expect((await helpdeskError(fetchTicket('35436', io, mapping))).message).toMatch(/pagination does not end/);
  });

  it.each([
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'notFound'],
  ] as const)('passes HTTP %i on the ticket on as %s', async (status, kind) => {
    const { io } = fakeZendesk({ ...ticketRoutes(), '/api/v2/tickets/35436.json?include=slas,organizations': { status, body: {} } });
    expect((await helpdeskError(fetchTicket('35436', io, mapping))).kind).toBe(kind);
  });

  it('waits out a 429 on an audit page as asked, then carries on', async () => {
    let calls = 0;
    const page2 = fixtureJson('audits-35436-page2.json');
    const { io, sleeps } = fakeZendesk({
      ...ticketRoutes(),
      '/api/v2/tickets/35436/audits.json?include=users&page=2': () =>
        ++calls === 1 ? { status: 429, body: {}, headers: { 'Retry-After': '12' } } : { body: page2 },
    });
    expect((await fetchTicket('35436', io, mapping)).ticket).toEqual(expected35436);
    expect(sleeps).toEqual([12_000]);
  });

  it('reports a malformed body naming the field', async () => {
    const body = fixtureJson('ticket-35436.json');
    (body.ticket as Record<string, unknown>).updated_at = 'soon';
    const { io } = fakeZendesk({ ...ticketRoutes(), '/api/v2/tickets/35436.json?include=slas,organizations': { body } });
    const error = await helpdeskError(fetchTicket('35436', io, mapping));
    expect(error.kind).toBe('malformed');
    expect(error.message).toMatch(/ticket\.updated_at: expected an ISO date/);
  });

  it.each(['abc', '1/../../users', ''])('refuses the ticket id %j without a request', async (id) => {
    const { io, requests } = fakeZendesk(ticketRoutes());
    expect((await helpdeskError(fetchTicket(id, io, mapping))).kind).toBe('malformed');
    expect(requests).toEqual([]);
  });
});

describe('the page reads bodies; the background parses them', () => {
  it('a ticket read carries the bodies as sent, every audit page and each user once, and the version', async () => {
    const { io } = fakeZendesk(ticketRoutes());
    const read = await fetchRawTicket('#35436', io);
    expect(read.id).toBe('35436');
    expect(read.version).toBe((fixtureJson('ticket-35436.json').ticket as { updated_at: string }).updated_at);
    const pages = [fixtureJson('audits-35436-page1.json'), fixtureJson('audits-35436-page2.json')];
    expect(read.raw.audits).toEqual(pages.flatMap((page) => arrayAt(page, 'audits')));
    const ids = (read.raw.users as Array<{ id: number }>).map((user) => user.id);
    expect(new Set(ids).size).toBe(ids.length);
    // Parsing the read gives exactly what fetchTicket gives: one code path.
    expect(fetchedFromZendeskRaw(read.raw, mapping, at('06:50'))).toEqual(await fetchTicket('35436', fakeZendesk(ticketRoutes()).io, mapping));
  });

  it('metric events are read only when the ticket has no SLA sideload', async () => {
    const sideloaded = await fetchRawTicket('35436', fakeZendesk(ticketRoutes()).io);
    expect(sideloaded.raw.metricEvents).toBeUndefined();
    const { io } = fakeZendesk({
      ...ticketRoutes('ticket-35436-no-sla.json'),
      '/api/v2/tickets/35436/metric_events.json': { body: fixtureJson('metric-events-35436.json') },
    });
    expect((await fetchRawTicket('35436', io)).raw.metricEvents).toEqual(arrayAt(fixtureJson('metric-events-35436.json'), 'ticket_metric_events'));
  });

  it('audits that are not a list cannot be paged: malformed, naming where', async () => {
    const { io } = fakeZendesk({ ...ticketRoutes(), '/api/v2/tickets/35436/audits.json?include=users': { body: { audits: 'none' } } });
    const error = await helpdeskError(fetchRawTicket('35436', io));
    expect(error.kind).toBe('malformed');
    expect(error.message).toBe('audits: expected a list');
  });

  it('list reads are show_many tickets, one read each with its own organisation, without audits', async () => {
    const { io, requests } = fakeZendesk({ '/api/v2/tickets/show_many.json': { body: fixtureJson('show-many.json') } });
    const reads = await fetchRawTickets(['35436', '35437'], io);
    expect(requests.map(({ url }) => url.searchParams.get('include'))).toEqual(['organizations']);
    expect(reads.map((read) => [read.id, Object.keys(read.raw)])).toEqual([
      ['35436', ['ticket', 'organizations']],
      ['35437', ['ticket', 'organizations']],
      ['35440', ['ticket', 'organizations']],
    ]);
  });
});

describe('fetchMany', () => {
  const showMany = fixtureJson('show-many.json');

  it('maps show_many tickets without history', async () => {
    const { io, requests } = fakeZendesk({ '/api/v2/tickets/show_many.json': { body: showMany } });
    const fetched = await fetchMany(['35436', '#35437', '35440'], io, mapping);
    expect(requests.map(({ url }) => url.searchParams.get('ids'))).toEqual(['35436,35437,35440']);
    expect(fetched.map(({ ticket, version }) => [ticket.id, ticket.severity, ticket.status, ticket.office, ticket.history, version])).toEqual([
      ['35436', 2, 'active', 'shanghai', [], '2026-07-14T06:30:00.000Z'],
      ['35437', 3, 'waiting', 'taichung', [], '2026-07-14T03:00:00.000Z'],
      ['35440', 4, 'solved', 'singapore', [], '2026-07-11T09:30:00.000Z'],
    ]);
    expect(fetched[0]?.ticket).toEqual({ ...expected35436, history: [] });
  });

  it('asks for at most 100 ids a call, each id once', async () => {
    const ids = Array.from({ length: 250 }, (_, index) => String(1000 + index));
    const { io, requests } = fakeZendesk({ '/api/v2/tickets/show_many.json': { body: { tickets: [] } } });
    await fetchMany([...ids, ...ids.slice(0, 10)], io, mapping);
    const asked = requests.map(({ url }) => (url.searchParams.get('ids') ?? '').split(','));
    expect(asked.map((chunk) => chunk.length)).toEqual([100, 100, 50]);
    expect(asked.flat()).toEqual(ids);
  });

  it('names the ticket of show_many that is malformed', async () => {
    const body = fixtureJson('show-many.json');
    delete arrayAt(body, 'tickets')[1]?.created_at;
    const { io } = fakeZendesk({ '/api/v2/tickets/show_many.json': { body } });
    expect((await helpdeskError(fetchMany(['35436', '35437'], io, mapping))).message).toMatch(/tickets\[1\]\.created_at: missing/);
  });
});

describe('writing internal notes', () => {
  const me = fixtureJson('users-me.json');

  it('puts a private comment with the session’s CSRF token', async () => {
    const { io, requests } = fakeZendesk({
      '/api/v2/users/me.json': { body: me },
      '/api/v2/tickets/35436.json': { body: { ticket: { id: 35436 } } },
    });
    await writeInternalNote('35436', 'Called the Sales Rep.', io);
    const put = requests.find(({ init }) => init?.method === 'PUT');
    expect(new Headers(put?.init?.headers).get('x-csrf-token')).toBe('Vz6Hb8Qx2d1eKpL0mN3oRtY7uI9wA4sD5fG6hJ8kZ0=');
    expect(JSON.parse(String(put?.init?.body))).toEqual({ ticket: { comment: { body: 'Called the Sales Rep.', public: false } } });
  });

  it('round-trips an acknowledgement: the note it writes maps back to a notified event', async () => {
    const { io, requests } = fakeZendesk({
      '/api/v2/users/me.json': { body: me },
      '/api/v2/tickets/35436.json': { body: {} },
    });
    await writeAckNote('35436', { roleName: 'CTO', roleId: 'cto', person: 'Ravi Rao', channel: 'phone', at: at('07:02'), level: 5 }, io);
    const sent = JSON.parse(String(requests.find(({ init }) => init?.method === 'PUT')?.init?.body)) as {
      ticket: { comment: { body: string; public: boolean } };
    };
    const comment = { type: 'Comment', author_id: 9101, ...sent.ticket.comment };
    const ticket = ticketFromZendesk({
      ticket: (fixtureJson('ticket-35436.json').ticket as object),
      audits: [{ id: 1, created_at: '2026-07-14T07:02:09Z', author_id: 9101, events: [comment] }],
      users: [{ id: 9101, role: 'agent' }],
    });
    expect(ticket.history).toEqual([{ at: new Date('2026-07-14T07:02:09Z'), kind: 'notified', role: 'cto' }]);
  });

  it('reports a failed write (the acknowledgement then stays local)', async () => {
    const { io } = fakeZendesk({
      '/api/v2/users/me.json': { body: me },
      '/api/v2/tickets/35436.json': { status: 422, body: { error: 'RecordInvalid' } },
    });
    expect((await helpdeskError(writeInternalNote('35436', 'x', io))).status).toBe(422);
  });

  it('does not write without a CSRF token', async () => {
    const { io, requests } = fakeZendesk({ '/api/v2/users/me.json': { body: { user: { id: 9101 } } } });
    expect((await helpdeskError(writeInternalNote('35436', 'x', io))).message).toMatch(/user\.authenticity_token: missing/);
    expect(requests.some(({ init }) => init?.method === 'PUT')).toBe(false);
  });
});

describe('who the engineer is (issue 13: "Mine")', () => {
  it('the page read carries users/me as raw.me, read once per origin; a failing users/me leaves it out', async () => {
    const { zendeskInPage } = await import('../../../lib/helpdesks/zendesk/in-page');
    const { forgetCurrentUsers } = await import('../../../lib/helpdesks/current-user');
    forgetCurrentUsers();
    const { io, requests } = fakeZendesk({ ...ticketRoutes(), '/api/v2/users/me.json': { body: fixtureJson('users-me.json') } });
    const me = String((fixtureJson('users-me.json').user as { id: number }).id);
    expect((await zendeskInPage.fetchRawTicket('35436', io, mapping)).raw.me).toBe(me);
    expect((await zendeskInPage.fetchRawTicket('35436', io, mapping)).raw.me).toBe(me);
    expect(requests.filter(({ url }) => url.pathname === '/api/v2/users/me.json')).toHaveLength(1);
    forgetCurrentUsers();
    const failing = fakeZendesk({ ...ticketRoutes(), '/api/v2/users/me.json': { status: 403, body: {} } });
    const read = await zendeskInPage.fetchRawTicket('35436', failing.io, mapping);
    expect(read.raw.me).toBeUndefined();
    expect(read.raw.ticket).toBeDefined();
    forgetCurrentUsers();
  });
});
