// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ANCHOR_GRACE_MS } from '../../lib/content/ticket-badge-placement';
import { HelpdeskError, type RawTicketRead } from '../../lib/helpdesks/contract';
import { useEnglishMessages } from '../i18n/english-messages';
import { fakeHelpdesk, fetched, HEADER, makeTicket, NOW, startHarness, ticketBadgeRoot, ticketPageHtml, type FakeAnswer } from './harness';

type Harness = ReturnType<typeof startHarness>;
let harness: Harness | null = null;

function start(options: Parameters<typeof startHarness>[0]): Harness {
  harness = startHarness(options);
  return harness;
}

/** Generous: the 2-core test machine is shared, and a missed deadline here says nothing about speed. */
const eventually = (assertion: () => void) => vi.waitFor(assertion, { timeout: 10_000, interval: 5 });

const answers = (entries: Array<[string, FakeAnswer | HelpdeskError]>) => new Map(entries);
const badgeText = () => ticketBadgeRoot()?.querySelector('.ew-badge')?.textContent ?? null;

describe('content runtime on ticket pages', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useEnglishMessages();
  });
  afterEach(() => {
    harness?.stop();
    harness = null;
  });

  test('shows the badge next to the anchor once the ticket arrives', async () => {
    const h = start({ path: '/tickets/1', html: ticketPageHtml('1'), answers: answers([['1', fetched(makeTicket('1'))]]) });
    await eventually(() => expect(badgeText()).toContain('Sev 1 · L2 · Sales Rep'));
    const host = document.querySelector('ew-ticket-badge');
    expect(host?.previousElementSibling?.matches('[data-test-header]')).toBe(true);
    expect(h.fetchRawTicket).toHaveBeenCalledTimes(1);
  });

  test('hands every ticket read to the background: its raw bodies, version and fetch time', async () => {
    const ticket = makeTicket('1');
    const h = start({ path: '/tickets/1', html: ticketPageHtml('1'), answers: answers([['1', fetched(ticket)]]) });
    await eventually(() => expect(h.background.ingest).toHaveBeenCalled());
    expect(h.background.ingest).toHaveBeenCalledWith(
      { id: '1', version: 'v1', raw: { ticket: expect.objectContaining({ id: '1', createdAt: ticket.createdAt.toISOString(), history: [] }) } },
      NOW,
    );
  });

  test("reads REST under the helpdesk's site base (a Data Center context path), not the bare origin", async () => {
    const h = start({ path: '/tickets/1', html: ticketPageHtml('1'), answers: answers([['1', fetched(makeTicket('1'))]]) });
    await eventually(() => expect(h.fetchRawTicket).toHaveBeenCalled());
    expect(h.fetchRawTicket.mock.calls[0]?.[1]?.origin).toBe(`${window.location.origin}/site`);
  });

  test('waits for the anchor with a MutationObserver when the header renders late', async () => {
    const h = start({ path: '/tickets/1', answers: answers([['1', fetched(makeTicket('1'))]]) });
    await eventually(() => expect(h.fetchRawTicket).toHaveBeenCalled());
    expect(ticketBadgeRoot()).toBeNull();
    expect(h.observers.live()).toBe(1);
    document.body.insertAdjacentHTML('beforeend', ticketPageHtml('1'));
    await eventually(() => expect(badgeText()).toContain('Sev 1'));
    // The same observer keeps the badge by the header for as long as the ticket is shown.
    expect(h.observers.live()).toBe(1);
  });

  test('a header the page re-renders gets the same badge back, with its panel still open', async () => {
    start({ path: '/tickets/1', html: ticketPageHtml('1'), answers: answers([['1', fetched(makeTicket('1'))]]) });
    await eventually(() => expect(badgeText()).toContain('Sev 1'));
    const host = document.querySelector('ew-ticket-badge');
    (ticketBadgeRoot()?.querySelector('.ew-badge') as HTMLElement).click();
    await eventually(() => expect(ticketBadgeRoot()?.querySelector('.ew-panel')).not.toBeNull());
    document.body.replaceChildren();
    document.body.insertAdjacentHTML('beforeend', `<main>${ticketPageHtml('1')}</main>`);
    await eventually(() => expect(document.querySelector('ew-ticket-badge')?.previousElementSibling?.matches('[data-test-header]')).toBe(true));
    expect(document.querySelector('ew-ticket-badge')).toBe(host);
    expect(ticketBadgeRoot()?.querySelector('.ew-panel')).not.toBeNull();
  });

  test('a route change from ticket A to B mounts B, unmounts A and leaves nothing of A behind', async () => {
    const h = start({
      path: '/tickets/1',
      html: ticketPageHtml('1'),
      answers: answers([
        ['1', fetched(makeTicket('1', 1))],
        ['2', fetched(makeTicket('2', 2))],
      ]),
    });
    await eventually(() => expect(badgeText()).toContain('Sev 1'));
    const onA = h.runtime.liveResources();
    expect(onA.listeners).toBeGreaterThan(0);

    document.body.replaceChildren();
    h.go('/tickets/2');
    // Between the route change and B's header, only B's anchor observer is alive.
    expect(document.querySelector('ew-ticket-badge')).toBeNull();
    expect(h.observers.live()).toBe(1);
    document.body.insertAdjacentHTML('beforeend', ticketPageHtml('2'));
    await eventually(() => expect(badgeText()).toContain('Sev 2'));
    expect(document.querySelectorAll('ew-ticket-badge')).toHaveLength(1);
    expect(h.runtime.currentRoute()).toBe('ticket:2');
    expect(h.runtime.liveResources()).toEqual(onA);

    h.go('/settings');
    expect(document.querySelector('ew-ticket-badge')).toBeNull();
    expect(h.runtime.liveResources()).toEqual({ listeners: 0, observers: 0, timers: 0, scopes: 0 });
    expect(h.observers.live()).toBe(0);
  });

  test('no listener or observer on the page survives its ticket (counted with spies)', async () => {
    const h = start({ path: '/settings', answers: answers([['1', fetched(makeTicket('1'))]]) });
    const baseline = h.listeners.live();
    document.body.insertAdjacentHTML('beforeend', ticketPageHtml('1'));
    h.go('/tickets/1');
    await eventually(() => expect(badgeText()).toContain('Sev 1'));
    expect(h.listeners.live()).toBeGreaterThan(baseline);
    h.go('/settings');
    expect(h.listeners.live()).toBe(baseline);
    expect(h.observers.live()).toBe(0);
  });

  test('when the API fails the badge is read from the page, marked as without history', async () => {
    const h = start({
      path: '/tickets/1',
      html: ticketPageHtml('1'),
      answers: answers([['1', new HelpdeskError('server', 'HTTP 503', 503)]]),
    });
    await eventually(() => expect(badgeText()).toContain('from page'));
    expect(h.readTicketFromPage).toHaveBeenCalled();
    expect(h.background.seen).toHaveBeenCalledWith(expect.objectContaining({ id: '1', history: [] }), NOW);
    (ticketBadgeRoot()?.querySelector('.ew-badge') as HTMLElement).click();
    await eventually(() => expect(ticketBadgeRoot()?.querySelector('.ew-notice')?.textContent).toMatch(/^From the page, without history/));
  });

  test.each([
    ['unauthorized', 401],
    ['forbidden', 403],
  ] as const)('%s (HTTP %i) shows the sign-in badge', async (kind, status) => {
    start({ path: '/tickets/1', html: ticketPageHtml('1'), answers: answers([['1', new HelpdeskError(kind, `HTTP ${status}`, status)]]) });
    await eventually(() => expect(badgeText()).toBe('Sign in to see escalation'));
  });

  test('404 shows nothing at all', async () => {
    const h = start({ path: '/tickets/1', html: ticketPageHtml('1') });
    await eventually(() => expect(h.fetchRawTicket).toHaveBeenCalled());
    await eventually(() => expect(document.querySelector('ew-ticket-badge')).toBeNull());
    expect(h.readTicketFromPage).not.toHaveBeenCalled();
    expect(h.log).not.toHaveBeenCalled();
  });

  test("a page that changed shape gets the quiet can't-read badge", async () => {
    const html = '<header data-test-header><h1>no ticket attributes here</h1></header>';
    start({ path: '/tickets/1', html, answers: answers([['1', new HelpdeskError('network', 'offline')]]) });
    await eventually(() => expect(badgeText()).toBe("Can't read this ticket"));
  });

  test('a helpdesk that throws something unexpected never throws into the page', async () => {
    const h = start({ path: '/tickets/1', html: ticketPageHtml('1') });
    h.fetchRawTicket.mockImplementation(async () => {
      throw new TypeError('cannot read properties of undefined');
    });
    h.go('/tickets/9');
    await eventually(() => expect(h.log).toHaveBeenCalledWith('fetch', expect.anything()));
  });

  test('going back to a ticket shows the cached view at once and does not hand over an unchanged version again', async () => {
    const h = start({ path: '/tickets/1', html: ticketPageHtml('1'), answers: answers([['1', fetched(makeTicket('1'), 'v1')]]) });
    await eventually(() => expect(h.background.ingest).toHaveBeenCalledTimes(1));
    await eventually(() => expect(badgeText()).toContain('Sev 1'));
    h.go('/settings');
    let resolveFetch: (value: RawTicketRead) => void = () => undefined;
    const read: RawTicketRead = { id: '1', version: 'v1', raw: {} };
    h.fetchRawTicket.mockImplementation(() => new Promise((resolve) => (resolveFetch = resolve)));
    h.go('/tickets/1');
    await eventually(() => expect(badgeText()).toContain('Sev 1'));
    resolveFetch(read);
    await eventually(() => expect(h.background.view).toHaveBeenCalledTimes(1));
    expect(h.fetchRawTicket).toHaveBeenCalledTimes(2);
    expect(h.background.ingest).toHaveBeenCalledTimes(1);
  });

  test('a body the background cannot parse is logged with the field it names, and the page is read instead', async () => {
    const unparsable = fetched(makeTicket('1'), 'v1', { malformed: 'ticket.updated_at: expected an ISO date' });
    const h = start({ path: '/tickets/1', html: ticketPageHtml('1'), answers: answers([['1', unparsable]]) });
    await eventually(() => expect(badgeText()).toContain('from page'));
    const logged = h.log.mock.calls.find(([feature]) => feature === 'fetch')?.[1] as HelpdeskError | undefined;
    expect([logged?.kind, logged?.message]).toEqual(['malformed', 'ticket.updated_at: expected an ISO date']);
  });

  test("a body the background cannot parse, on a page that changed shape, gets the quiet can't-read badge", async () => {
    const unparsable = fetched(makeTicket('1'), 'v1', { malformed: 'ticket.updated_at: expected an ISO date' });
    start({ path: '/tickets/1', html: '<header data-test-header></header>', answers: answers([['1', unparsable]]) });
    await eventually(() => expect(badgeText()).toBe("Can't read this ticket"));
  });

  test('native SLA targets of the read are compared with our deadlines and kept when the view is asked again', async () => {
    const ticket = makeTicket('1');
    const drifting = new Date(ticket.createdAt.getTime() + 45 * 60_000); // ours: 30 min after opening
    const h = start({
      path: '/tickets/1',
      html: ticketPageHtml('1'),
      answers: answers([['1', fetched(ticket, 'v1', { nativeSla: [{ name: 'first_reply_time', breachAt: drifting, paused: false, breached: false }] })]]),
    });
    await eventually(() => expect(badgeText()).toContain('Sev 1'));
    (ticketBadgeRoot()?.querySelector('.ew-badge') as HTMLElement).click();
    await eventually(() => expect(ticketBadgeRoot()?.querySelector('.ew-native-sla .ew-drifting')).not.toBeNull());
    // Opening the panel asked for a fresh view, which carries no targets: the read's are kept.
    expect(h.background.view).toHaveBeenCalled();
    expect(ticketBadgeRoot()?.querySelector('.ew-drifting td')?.textContent).toBe('first_reply_time');
  });

  test('when the background says the ticket changed, the badge asks for its view again', async () => {
    const h = start({ path: '/tickets/1', html: ticketPageHtml('1'), answers: answers([['1', fetched(makeTicket('1'))]]) });
    await eventually(() => expect(badgeText()).toContain('Sales Rep'));
    h.ticketChanged({ system: 'zendesk', id: '2' });
    expect(h.background.view).not.toHaveBeenCalled();
    h.stored.get('1')?.acknowledged.add('sales-rep'); // acknowledged from the popup
    h.ticketChanged({ system: 'zendesk', id: '1' });
    await eventually(() => expect(h.background.view).toHaveBeenCalledWith({ system: 'zendesk', id: '1' }));
    (ticketBadgeRoot()?.querySelector('.ew-badge') as HTMLElement).click();
    await eventually(() => expect(ticketBadgeRoot()?.querySelector('.ew-person-state')?.textContent).toBe('notified'));
  });

  test('mark notified sends the acknowledgement, asks for the note on the ticket and clears the role', async () => {
    const h = start({ path: '/tickets/1', html: ticketPageHtml('1'), answers: answers([['1', fetched(makeTicket('1'))]]) });
    await eventually(() => expect(badgeText()).toContain('Sales Rep'));
    const root = ticketBadgeRoot();
    (root?.querySelector('.ew-badge') as HTMLElement).click();
    await eventually(() => expect(root?.querySelector('.ew-person-state')?.textContent).toBe('to notify'));
    const mark = [...(root?.querySelectorAll('button') ?? [])].find((b) => b.textContent === 'Mark notified');
    mark?.click();
    await eventually(() => expect(root?.querySelector('.ew-person-state')?.textContent).toBe('notified'));
    expect(h.background.acknowledge).toHaveBeenCalledWith({ ticket: { system: 'zendesk', id: '1' }, role: 'sales-rep', recordOnTicket: true });
    await eventually(() => expect(root?.querySelector('.ew-status')?.textContent).toBe('Sales Rep marked notified and recorded on the ticket.'));
  });

  test('with the note setting off, mark notified records nothing on the ticket', async () => {
    const h = start({
      path: '/tickets/1',
      html: ticketPageHtml('1'),
      answers: answers([['1', fetched(makeTicket('1'))]]),
      ackNoteMode: 'off',
    });
    await eventually(() => expect(badgeText()).toContain('Sales Rep'));
    const root = ticketBadgeRoot();
    (root?.querySelector('.ew-badge') as HTMLElement).click();
    await eventually(() => expect(root?.querySelector('.ew-primary')).not.toBeNull());
    expect(root?.querySelector('input[type="checkbox"]')).toBeNull();
    (root?.querySelector('.ew-primary') as HTMLElement).click();
    await eventually(() => expect(h.background.acknowledge).toHaveBeenCalledWith(expect.objectContaining({ recordOnTicket: false })));
  });

  test('a note that cannot be written keeps the acknowledgement local and says so', async () => {
    const h = start({
      path: '/tickets/1',
      html: ticketPageHtml('1'),
      answers: answers([['1', fetched(makeTicket('1'))]]),
      ackNoteMode: 'always',
    });
    h.background.acknowledge.mockImplementation(async (input) => {
      h.stored.get(input.ticket.id)?.acknowledged.add(input.role);
      return { recordError: 'HTTP 403' };
    });
    await eventually(() => expect(badgeText()).toContain('Sales Rep'));
    const root = ticketBadgeRoot();
    (root?.querySelector('.ew-badge') as HTMLElement).click();
    await eventually(() => expect(root?.querySelector('.ew-primary')).not.toBeNull());
    (root?.querySelector('.ew-primary') as HTMLElement).click();
    await eventually(() => expect(root?.querySelector('.ew-status')?.textContent).toMatch(/in this browser only/));
    expect(root?.querySelector('.ew-person-state')?.textContent).toBe('notified');
  });

  test('an acknowledgement the background refuses is undone and reported', async () => {
    const h = start({ path: '/tickets/1', html: ticketPageHtml('1'), answers: answers([['1', fetched(makeTicket('1'))]]) });
    h.background.acknowledge.mockRejectedValue(new Error('background asleep'));
    await eventually(() => expect(badgeText()).toContain('Sales Rep'));
    const root = ticketBadgeRoot();
    (root?.querySelector('.ew-badge') as HTMLElement).click();
    await eventually(() => expect(root?.querySelector('.ew-primary')).not.toBeNull());
    (root?.querySelector('.ew-primary') as HTMLElement).click();
    await eventually(() => expect(root?.querySelector('.ew-status')?.textContent).toBe('Could not mark Sales Rep notified; try again.'));
    expect(root?.querySelector('.ew-person-state')?.textContent).toBe('to notify');
  });

  test('content-script invalidation removes everything', async () => {
    const h = start({ path: '/tickets/1', html: ticketPageHtml('1'), answers: answers([['1', fetched(makeTicket('1'))]]) });
    const baseline = 0;
    await eventually(() => expect(badgeText()).toContain('Sev 1'));
    h.stop();
    expect(document.querySelector('ew-ticket-badge')).toBeNull();
    expect(h.observers.live()).toBe(baseline);
    expect(h.listeners.live()).toBe(baseline);
  });
});

describe('content runtime timing (fake timers)', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useEnglishMessages();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    harness?.stop();
    harness = null;
    vi.useRealTimers();
  });

  test('429 waits for Retry-After before asking again', async () => {
    const h = start({
      path: '/tickets/1',
      html: ticketPageHtml('1'),
      answers: answers([['1', new HelpdeskError('rateLimited', 'HTTP 429', 429, 90_000)]]),
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(h.fetchRawTicket).toHaveBeenCalledTimes(1);
    h.answers.set('1', fetched(makeTicket('1')));
    await vi.advanceTimersByTimeAsync(89_000);
    expect(h.fetchRawTicket).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(h.fetchRawTicket).toHaveBeenCalledTimes(2);
    expect(badgeText()).not.toContain('from page');
  });

  test('server errors retry with growing back-off, then stay on a quiet badge', async () => {
    const h = start({
      path: '/tickets/1',
      html: '<header data-test-header></header>',
      answers: answers([['1', new HelpdeskError('server', 'HTTP 502', 502)]]),
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(badgeText()).toBe("Can't read this ticket");
    const calls: number[] = [];
    for (const wait of [30_000, 120_000, 480_000]) {
      await vi.advanceTimersByTimeAsync(wait);
      calls.push(h.fetchRawTicket.mock.calls.length);
    }
    expect(calls).toEqual([2, 3, 4]);
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    // Retries are spent: only the slow schedule asks again, at most once per 3 minutes.
    expect(h.fetchRawTicket.mock.calls.length - 4).toBeLessThanOrEqual((60 * 60_000) / (3 * 60_000));
    expect(badgeText()).toBe("Can't read this ticket");
  });

  test('asks the background for the view again at the next deadline it was given: one timer, no polling', async () => {
    let elapsed = 0;
    const h = start({
      path: '/tickets/1',
      html: ticketPageHtml('1'),
      answers: answers([['1', fetched(makeTicket('1', 1, 118))]]), // level 2 starts in 2 minutes
      now: () => new Date(NOW.getTime() + elapsed),
    });
    const advance = async (ms: number) => {
      elapsed += ms;
      await vi.advanceTimersByTimeAsync(ms);
    };
    await advance(0);
    const outcome = await h.background.ingest.mock.results[0]?.value;
    const inMs = outcome?.kind === 'view' ? (outcome.shown.refreshAt?.getTime() ?? 0) - NOW.getTime() : NaN;
    expect(inMs).toBe(2 * 60_000);
    expect(badgeText()).toContain('Sev 1 · L1');
    await advance(inMs - 1000);
    expect(h.background.view).not.toHaveBeenCalled();
    await advance(1001);
    expect(h.background.view).toHaveBeenCalledTimes(1);
    expect(badgeText()).toContain('Sev 1 · L2 · Sales Rep');
    expect(h.fetchRawTicket).toHaveBeenCalledTimes(1);
  });

  test('refetches on a slow schedule while visible, not in a loop', async () => {
    const h = start({ path: '/tickets/1', html: ticketPageHtml('1'), answers: answers([['1', fetched(makeTicket('1'))]]) });
    await vi.advanceTimersByTimeAsync(0);
    expect(h.fetchRawTicket).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(3 * 60_000);
    expect(h.fetchRawTicket).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(3 * 60_000);
    expect(h.fetchRawTicket).toHaveBeenCalledTimes(3);
  });

  test('a page without the expected header shows the badge floating in a corner', async () => {
    start({ path: '/tickets/1', html: '<main>changed layout</main>', answers: answers([['1', fetched(makeTicket('1'))]]) });
    await vi.advanceTimersByTimeAsync(ANCHOR_GRACE_MS - 1);
    expect(ticketBadgeRoot()).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(document.querySelector('ew-ticket-badge')?.className).toBe('ew-host-ticket ew-host-floating');
    expect(badgeText()).toContain('Sev 1');
  });

  test('the badge floats as soon as its anchor goes away (another ticket tab shown), never nothing (issue 13)', async () => {
    start({ path: '/tickets/1', html: ticketPageHtml('1'), answers: answers([['1', fetched(makeTicket('1'))]]) });
    await vi.advanceTimersByTimeAsync(0);
    expect(document.querySelector('ew-ticket-badge')?.className).toBe('ew-host-ticket');
    document.querySelector(HEADER)?.remove();
    await eventually(() => expect(document.querySelector('ew-ticket-badge')?.className).toBe('ew-host-ticket ew-host-floating'));
    expect(badgeText()).toContain('Sev 1');
    // The header comes back: the same badge goes back next to it.
    document.body.insertAdjacentHTML('afterbegin', ticketPageHtml('1'));
    await eventually(() => expect(document.querySelector('ew-ticket-badge')?.className).toBe('ew-host-ticket'));
    expect(document.querySelectorAll('ew-ticket-badge')).toHaveLength(1);
  });

  test('a page reader that throws while looking for the anchor still gets the floating badge', async () => {
    const { helpdesk } = fakeHelpdesk(answers([['1', fetched(makeTicket('1'))]]));
    const throwing = {
      ...helpdesk,
      findBadgeAnchor: () => {
        throw new Error('2 ticket subjects shown at once');
      },
    };
    start({ path: '/tickets/1', html: ticketPageHtml('1'), overrides: { helpdesk: throwing } });
    await vi.advanceTimersByTimeAsync(ANCHOR_GRACE_MS);
    expect(document.querySelector('ew-ticket-badge')).not.toBeNull();
    expect(badgeText()).toContain('Sev 1');
  });

  test('a tab hidden long enough drops its badge and timers; showing it again restores them', async () => {
    const h = start({ path: '/tickets/1', html: ticketPageHtml('1'), answers: answers([['1', fetched(makeTicket('1'))]]) });
    await vi.advanceTimersByTimeAsync(0);
    expect(ticketBadgeRoot()).not.toBeNull();
    let state: DocumentVisibilityState = 'hidden';
    vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => state);
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(ticketBadgeRoot()).toBeNull();
    expect(h.runtime.liveResources()).toEqual({ listeners: 0, observers: 0, timers: 0, scopes: 0 });
    expect(h.fetchRawTicket).toHaveBeenCalledTimes(1);
    state = 'visible';
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(0);
    expect(ticketBadgeRoot()).not.toBeNull();
  });
});
