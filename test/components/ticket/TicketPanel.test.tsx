// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ClockContext } from '../../../components/ticket/clock-context';
import { TicketPanel } from '../../../components/ticket/TicketPanel';
import { TicketWidget } from '../../../components/ticket/TicketWidget';
import type { AckNoteSetting, TicketPanelActions, TicketView } from '../../../lib/view-model/rendered-view';
import { useEnglishMessages } from '../../i18n/english-messages';
import { manualClock, NOW, ticketView } from './view-fixture';

function fakeActions(overrides: Partial<TicketPanelActions> = {}) {
  return {
    acknowledge: vi.fn<TicketPanelActions['acknowledge']>(async () => ({ note: 'skipped' as const })),
    copyText: vi.fn<TicketPanelActions['copyText']>(async () => true),
    openPeopleOptions: vi.fn<TicketPanelActions['openPeopleOptions']>(),
    message: vi.fn<TicketPanelActions['message']>((roleId) => ({
      subject: `subject for ${roleId}`,
      body: 'body',
      mailto: `mailto:?subject=for%20${roleId}`,
    })),
    ...overrides,
  };
}

function renderPanel(view: TicketView = ticketView(), actions = fakeActions(), setting: AckNoteSetting = 'off') {
  const onClose = vi.fn();
  const result = render(
    <ClockContext.Provider value={manualClock()}>
      <TicketPanel id="panel" view={view} actions={actions} ackNoteSetting={setting} onClose={onClose} />
    </ClockContext.Provider>,
  );
  return { ...result, actions, onClose, panel: screen.getByRole('dialog') };
}

describe('TicketPanel', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useEnglishMessages();
  });
  afterEach(cleanup);

  test('explains an acknowledgement timeout first: notified again, Escalation Director added', () => {
    renderPanel(ticketView({ ackTimeouts: [{ level: 2, minutes: 15, directorAdded: true }] }));
    const lines = screen.getAllByRole('listitem').map((item) => item.textContent);
    expect(lines[0]).toBe('Not acknowledged 15 min after Level 2 started: notified again, Escalation Director added');
  });

  test('lists the explanation lines', () => {
    const { panel } = renderPanel();
    const lines = [...panel.querySelectorAll('.ew-explanation li')].map((li) => li.textContent);
    expect(lines).toEqual(['Sev 1 since 07:50', '2 h 10 min counted', 'level 2 since 09:50']);
  });

  test('shows the levels reached, the next one and later ones, with times in both zones', () => {
    const { panel } = renderPanel();
    const steps = [...panel.querySelectorAll('.ew-step')];
    expect(steps.map((step) => step.className.replace('ew-step ', ''))).toEqual([
      'ew-step-reached',
      'ew-step-reached',
      'ew-step-next',
      'ew-step-later',
    ]);
    expect(steps[2]?.querySelector('.ew-step-phase')?.textContent).toBe('next');
    expect(steps[2]?.querySelector('.ew-step-roles')?.textContent).toBe('District Sales Manager');
    const time = steps[2]?.querySelector('.ew-step-time')?.textContent ?? '';
    const officeClock = new Intl.DateTimeFormat(undefined, {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: 'America/Los_Angeles',
    }).format(new Date(NOW.getTime() + 65 * 60_000));
    expect(time).toContain(officeClock);
  });

  test('a level the severity never reaches says so', () => {
    const view = ticketView();
    view.timeline.push({ level: 5, id: 'executive', name: 'Executive', at: null, phase: 'later', scheduled: false, notifyNames: [] });
    const { panel } = renderPanel(view);
    expect(panel.querySelector('.ew-step:last-child .ew-step-time')?.textContent).toBe('not for this severity');
  });

  test('a page read that could not tell the creation time: its levels say their time is unknown, not "paused" (issue 13)', () => {
    const view = ticketView({ state: 'unknown', unread: ['createdAt'], source: 'dom' });
    view.timeline = view.timeline.map((step) => ({ ...step, at: null, phase: 'later' as const }));
    const { panel } = renderPanel(view);
    expect([...panel.querySelectorAll('.ew-step-time')].map((time) => time.textContent)).toEqual(view.timeline.map(() => 'time unknown'));
  });

  test('with its clock unknown and nobody listed, the panel does not claim that nobody has to be told yet', () => {
    const view = ticketView({ state: 'unknown', unread: ['createdAt'], source: 'dom', people: [] });
    const { panel } = renderPanel(view);
    const muted = [...panel.querySelectorAll('.ew-muted')].map((p) => p.textContent);
    expect(muted).toContain('Who must be told is not known: the page did not show enough of this ticket to run its clock.');
    expect(muted).not.toContain('Nobody has to be told yet.');
  });

  test('a page read that could not read the severity: no level is said to be "not for this severity" (issue 13)', () => {
    const view = ticketView({ state: 'unknown', severity: null, unread: ['severity'], source: 'dom' });
    view.timeline = view.timeline.map((step) => ({ ...step, at: null, phase: 'later' as const, scheduled: false }));
    const { panel } = renderPanel(view);
    expect([...panel.querySelectorAll('.ew-step-time')].map((time) => time.textContent)).toEqual(view.timeline.map(() => 'time unknown'));
  });

  test('lists the people to notify, named, with copy, email and mark-notified buttons', () => {
    const { panel, actions } = renderPanel();
    const person = panel.querySelector('.ew-person');
    expect(person?.querySelector('.ew-person-name')?.textContent).toBe('Sales Rep · Jane Doe');
    expect(person?.querySelector('.ew-person-name')?.getAttribute('title')).toBe('jane.doe@example.com');
    expect(person?.querySelector('.ew-person-state')?.textContent).toBe('to notify');
    expect(screen.getByRole('button', { name: 'Copy message' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Mark notified' })).toBeTruthy();
    const email = screen.getByRole('link', { name: 'Email' });
    expect(email.getAttribute('href')).toBe('mailto:?subject=for%20sales-rep');
    expect(actions.message).toHaveBeenCalledWith('sales-rep');
  });

  test('copy puts subject and body on the clipboard and says so', async () => {
    const { actions } = renderPanel();
    fireEvent.click(screen.getByRole('button', { name: 'Copy message' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Message for Sales Rep copied.'));
    expect(actions.copyText).toHaveBeenCalledWith('subject for sales-rep\n\nbody');
  });

  test.each<[AckNoteSetting, boolean | null, boolean]>([
    ['off', null, false],
    ['ask', true, true],
    ['ask', false, false],
    ['always', null, true],
  ])('mark notified with the note setting %s (box ticked: %s) asks for a note: %s', async (setting, ticked, wantsNote) => {
    const { actions } = renderPanel(ticketView(), fakeActions(), setting);
    const box = screen.queryByRole('checkbox');
    expect(box !== null).toBe(setting === 'ask');
    if (box && ticked === false) fireEvent.click(box);
    fireEvent.click(screen.getByRole('button', { name: 'Mark notified' }));
    await waitFor(() => expect(actions.acknowledge).toHaveBeenCalledWith('sales-rep', wantsNote));
  });

  test.each([
    ['written', 'Sales Rep marked notified and recorded on the ticket.'],
    ['failed', 'Sales Rep marked notified in this browser only: the note on the ticket could not be written.'],
    ['skipped', 'Sales Rep marked notified.'],
  ] as const)('a note that was %s is reported to the engineer', async (note, text) => {
    renderPanel(ticketView(), fakeActions({ acknowledge: async () => ({ note }) }), 'always');
    fireEvent.click(screen.getByRole('button', { name: 'Mark notified' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(text));
  });

  test('a due role nobody in the directory holds says so, with a link to the options', () => {
    const { panel, actions } = renderPanel(
      ticketView({ people: [{ roleId: 'sales-rep', name: 'Sales Rep', holders: [], level: 2, pending: true, onRequest: false }] }),
    );
    expect(panel.querySelector('.ew-person-name')?.textContent).toBe('Sales Rep');
    expect(panel.querySelector('.ew-person-nobody')?.textContent).toContain('nobody in the directory');
    fireEvent.click(screen.getByRole('button', { name: 'Add people in the options' }));
    expect(actions.openPeopleOptions).toHaveBeenCalledTimes(1);
  });

  test('the director an acknowledgement timeout added is listed after the level\'s roles, marked as added, with its own "Mark notified"', async () => {
    const director = {
      roleId: 'escalation-director',
      name: 'On-duty Escalation Director',
      holders: [{ name: 'Lee Chen', email: 'lee.chen@example.com' }],
      level: 2,
      pending: true,
      onRequest: false,
      addedByTimeout: { level: 2, minutes: 15 },
    };
    const { panel, actions } = renderPanel(ticketView({ people: [...ticketView().people, director] }));
    const rows = [...panel.querySelectorAll('.ew-person')];
    expect(rows.map((row) => row.querySelector('.ew-person-name')?.textContent)).toEqual(['Sales Rep · Jane Doe', 'On-duty Escalation Director · Lee Chen']);
    expect(rows[1]?.querySelector('[data-ew="added-by-timeout"]')?.textContent).toBe('added: Level 2 not acknowledged after 15 min');
    expect(rows[0]?.querySelector('[data-ew="added-by-timeout"]')).toBeNull();
    fireEvent.click(screen.getAllByRole('button', { name: 'Mark notified' })[1]!);
    await waitFor(() => expect(actions.acknowledge).toHaveBeenCalledWith('escalation-director', false));
  });

  test('"Mark notified" is a filled action button; "notified" is plain text', () => {
    renderPanel();
    expect(screen.getByRole('button', { name: 'Mark notified' }).classList.contains('ew-primary')).toBe(true);
  });

  test('a click the page scripted (not isTrusted) marks nothing notified; a person\'s click does', async () => {
    const { actions } = renderPanel(ticketView(), fakeActions(), 'off');
    const button = screen.getByRole('button', { name: 'Mark notified' });
    const scripted = new MouseEvent('click', { bubbles: true, cancelable: true });
    Object.defineProperty(scripted, 'isTrusted', { value: false }); // what a page's button.click() gives
    button.dispatchEvent(scripted);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(actions.acknowledge).not.toHaveBeenCalled();
    fireEvent.click(button);
    await waitFor(() => expect(actions.acknowledge).toHaveBeenCalledWith('sales-rep', false));
  });

  test('an acknowledged role offers no mark-notified button', () => {
    renderPanel(ticketView({ people: [{ roleId: 'sales-rep', name: 'Sales Rep', holders: [], level: 2, pending: false, onRequest: false }] }));
    expect(screen.queryByRole('button', { name: 'Mark notified' })).toBeNull();
    expect(document.querySelector('.ew-person-state')?.textContent).toBe('notified');
  });

  test('a ticket read from the page carries the without-history notice', () => {
    const { panel } = renderPanel(ticketView({ source: 'dom' }));
    expect(panel.querySelector('.ew-notice')?.textContent).toMatch(/^From the page, without history/);
  });

  test('native SLA targets are shown beside ours, with drift flagged beyond a minute', () => {
    const ours = new Date(NOW.getTime() + 32 * 60_000);
    const view = ticketView({
      nativeSla: [
        { name: 'next_reply_time', theirs: new Date(ours.getTime() + 30_000), ours, driftMs: 30_000, drifting: false, paused: false, breached: false },
        { name: 'first_reply_time', theirs: new Date(ours.getTime() + 3_600_000), ours, driftMs: 3_600_000, drifting: true, paused: false, breached: false },
      ],
    });
    const { panel } = renderPanel(view);
    const rows = [...panel.querySelectorAll('.ew-native-sla tbody tr')];
    expect(rows.map((row) => row.classList.contains('ew-drifting'))).toEqual([false, true]);
    expect(rows[0]?.lastElementChild?.textContent).toBe('agrees');
    expect(rows[1]?.lastElementChild?.textContent).toBe('drift: 1 h 00 min');
  });
});

describe('TicketWidget', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useEnglishMessages();
  });
  afterEach(cleanup);

  test('clicking the badge opens the panel; Escape closes it and returns focus to the badge', () => {
    render(
      <ClockContext.Provider value={manualClock()}>
        <TicketWidget view={ticketView()} actions={fakeActions()} ackNoteSetting="ask" />
      </ClockContext.Provider>,
    );
    const badge = screen.getByRole('button', { expanded: false });
    fireEvent.click(badge);
    expect(badge.getAttribute('aria-expanded')).toBe('true');
    const panel = screen.getByRole('dialog');
    expect(badge.getAttribute('aria-controls')).toBe(panel.id);
    fireEvent.keyDown(panel, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(badge);
  });
});
