// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ClockContext } from '../../../components/ticket/clock-context';
import { ErrorBadge } from '../../../components/ticket/ErrorBadge';
import { RowBadge } from '../../../components/ticket/RowBadge';
import { TicketBadge } from '../../../components/ticket/TicketBadge';
import type { EvaluationState } from '../../../lib/engine/types';
import { useEnglishMessages } from '../../i18n/english-messages';
import { manualClock, NOW, ticketView } from './view-fixture';

function renderBadge(view = ticketView(), clock = manualClock()) {
  let toggles = 0;
  const result = render(
    <ClockContext.Provider value={clock}>
      <TicketBadge view={view} expanded={false} panelId="p" onToggle={() => toggles++} />
    </ClockContext.Provider>,
  );
  return { ...result, clock, toggles: () => toggles, badge: screen.getByRole('button') };
}

describe('TicketBadge', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useEnglishMessages();
  });
  afterEach(cleanup);

  test('shows severity, level and who the level brings in, with both countdowns', () => {
    const { badge } = renderBadge();
    expect(badge.textContent).toContain('Sev 1 · L2 · Sales Rep');
    expect(badge.textContent).toContain('L3 in 1 h 05 min');
    expect(badge.textContent).toContain('update 32 min');
  });

  test('names who to tell for the roles still pending, or that the directory has nobody', () => {
    expect(renderBadge().badge.querySelector('.ew-who')?.textContent).toBe('tell Jane Doe');
    cleanup();
    const nobody = ticketView({ people: [{ roleId: 'sales-rep', name: 'Sales Rep', holders: [], level: 2, pending: true, onRequest: false }] });
    expect(renderBadge(nobody).badge.querySelector('.ew-who')?.textContent).toBe('nobody in the directory');
    cleanup();
    const told = ticketView({ people: [{ roleId: 'sales-rep', name: 'Sales Rep', holders: [{ name: 'Jane Doe', email: null }], level: 2, pending: false, onRequest: false }] });
    expect(renderBadge(told).badge.querySelector('.ew-who')).toBeNull();
  });

  test("a hot account's ticket says so beside its severity (SPEC §1)", () => {
    const { badge } = renderBadge(ticketView({ hotAccount: true }));
    expect(badge.textContent).toContain('Sev 1 · hot account · L2 · Sales Rep');
  });

  test.each<[EvaluationState, string]>([
    ['ok', 'Sev 1 · L2 · Sales Rep'],
    ['warning', 'Sev 1 · L2 · Sales Rep'],
    ['notify', 'Sev 1 · L2 · Sales Rep'],
    ['overdue', 'Sev 1 · L2 · Sales Rep'],
    ['paused', 'Paused'],
    ['stopped', 'Solved'],
    ['unknown', 'No severity set'],
  ])('state %s is coloured by its class and named in words', (state, text) => {
    const view = ticketView({ state, ...(state === 'unknown' ? { severity: null, level: 0, levelRoleNames: [] } : {}) });
    const { badge } = renderBadge(view);
    expect(badge.classList.contains(`ew-state-${state}`)).toBe(true);
    expect(badge.textContent).toContain(text);
    expect(badge.getAttribute('aria-label')).toMatch(/^Escalation: /);
  });

  test('a page read that could not read the creation or the severity says so, not "no severity set" (issue 13)', () => {
    const created = renderBadge(ticketView({ state: 'unknown', level: 0, levelRoleNames: [], unread: ['createdAt'], source: 'dom' })).badge;
    expect(created.textContent).toContain('Sev 1');
    expect(created.textContent).toContain('Opening time unknown');
    expect(created.textContent).not.toContain('No severity');
    cleanup();
    const severity = renderBadge(ticketView({ state: 'unknown', severity: null, level: 0, levelRoleNames: [], unread: ['severity'], source: 'dom' })).badge;
    expect(severity.textContent).toContain('Severity not readable');
    expect(severity.textContent).not.toContain('No severity');
  });

  test('paused, solved and unknown tickets show no running countdown', () => {
    for (const state of ['paused', 'stopped', 'unknown'] as const) {
      const { container, unmount } = renderBadge(ticketView({ state }));
      expect(container.querySelector('.ew-countdown')).toBeNull();
      unmount();
    }
  });

  test('a level without notified roles shows only severity and level', () => {
    const { badge } = renderBadge(ticketView({ level: 1, levelRoleNames: [] }));
    expect(badge.querySelector('.ew-summary')?.textContent).toBe('Sev 1 · L1');
  });

  test('is a keyboard-operable button that reports its expanded state', () => {
    const { badge, toggles } = renderBadge();
    expect(badge.getAttribute('tabindex')).toBe('0');
    expect(badge.getAttribute('aria-expanded')).toBe('false');
    expect(badge.getAttribute('aria-controls')).toBe('p');
    fireEvent.keyDown(badge, { key: 'Enter' });
    fireEvent.keyDown(badge, { key: ' ' });
    fireEvent.keyDown(badge, { key: 'a' });
    fireEvent.click(badge);
    expect(toggles()).toBe(3);
  });

  test('countdowns tick from the shared clock', () => {
    const { badge, clock } = renderBadge();
    act(() => clock.advance(3 * 60_000));
    expect(badge.textContent).toContain('L3 in 1 h 02 min');
    expect(badge.textContent).toContain('update 29 min');
    act(() => clock.advance(30 * 60_000));
    expect(badge.querySelector('.ew-clock-update .ew-countdown')?.textContent).toBe('overdue 1 min');
    expect(badge.querySelector('.ew-countdown-overdue')).not.toBeNull();
  });

  test('a ticket read from the page says so on the badge', () => {
    const { badge } = renderBadge(ticketView({ source: 'dom' }));
    expect(badge.querySelector('.ew-from-page')?.textContent).toBe('from page');
  });

  test('ticket text is rendered as text, never as markup', () => {
    const { badge } = renderBadge(ticketView({ levelRoleNames: ['<img src=x onerror=alert(1)>'] }));
    expect(badge.querySelector('img')).toBeNull();
    expect(badge.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});

describe('ErrorBadge', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useEnglishMessages();
  });
  afterEach(cleanup);

  test.each([
    ['signIn', 'Sign in to see escalation'],
    ['unreadable', "Can't read this ticket"],
    ['unavailable', 'Escalation unavailable'],
  ] as const)('%s says "%s"', (kind, text) => {
    render(<ErrorBadge kind={kind} />);
    const badge = screen.getByRole('status');
    expect(badge.textContent).toBe(text);
    expect(badge.classList.contains(`ew-error-${kind}`)).toBe(true);
  });
});

describe('RowBadge', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useEnglishMessages();
  });
  afterEach(cleanup);

  test('shows the state colour and the time to the next deadline', () => {
    const { container } = render(
      <ClockContext.Provider value={manualClock()}>
        <RowBadge view={{ state: 'warning', nextDeadlineAt: new Date(NOW.getTime() + 12 * 60_000), unavailable: null }} />
      </ClockContext.Provider>,
    );
    const badge = container.querySelector('.ew-row-badge');
    expect(badge?.classList.contains('ew-state-warning')).toBe(true);
    expect(badge?.querySelector('.ew-countdown')?.textContent).toBe('12 min');
    expect(badge?.getAttribute('title')).toBe('Deadline soon');
  });

  test('a row whose history is unavailable says so in words, why in its tooltip, and counts nothing down', () => {
    const { container } = render(
      <ClockContext.Provider value={manualClock()}>
        <RowBadge view={{ state: 'unavailable', nextDeadlineAt: null, unavailable: 'forbidden' }} />
      </ClockContext.Provider>,
    );
    const badge = container.querySelector('.ew-row-badge');
    expect(badge?.classList.contains('ew-state-unavailable')).toBe(true);
    expect(badge?.textContent).toBe('History unavailable');
    expect(badge?.getAttribute('title')).toMatch(/^History unavailable: your helpdesk role may not read this ticket's history \(403\)/);
    expect(badge?.querySelector('.ew-countdown')).toBeNull();
  });
});
