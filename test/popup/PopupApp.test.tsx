// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { useEnglishMessages } from '../i18n/english-messages';
import { seededDirectory } from '../view-model/view-fixtures';
import { entry, fakeActions, inBackgroundOrder, listedIds, NOW, renderPopup, watchedTicket } from './popup-fixtures';

// Default policy, Sev 1: response 30 min, updates hourly, L2 at 2 h. Sev 2: L2 at 4 h, warn 30 min before.
const overdueNoResponse = entry(watchedTicket({ id: 'A-OVERDUE', severity: 1, openedMinutesAgo: 180 }));
const level2SalesRepPending = entry(watchedTicket({ id: 'B-NOTIFY', severity: 1, openedMinutesAgo: 130, repliedMinutesAgo: [20] }));
const level2In20Minutes = entry(watchedTicket({ id: 'E-WARNING', severity: 2, openedMinutesAgo: 220, repliedMinutesAgo: [210] }));
const level2In3Hours = entry(watchedTicket({ id: 'C-SOON', severity: 2, openedMinutesAgo: 60, repliedMinutesAgo: [50] }), { mine: true });
const sev3FarAway = entry(watchedTicket({ id: 'OPS-7', system: 'jira', title: 'Report export slow', severity: 3, openedMinutesAgo: 60, repliedMinutesAgo: [30] }));
const solved = entry(watchedTicket({ id: 'F-SOLVED', severity: 1, openedMinutesAgo: 500, status: 'solved' }));

const all = inBackgroundOrder([sev3FarAway, level2In3Hours, solved, level2In20Minutes, level2SalesRepPending, overdueNoResponse]);

describe('popup', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useEnglishMessages();
  });
  afterEach(cleanup);

  it('lists open tickets in the order the background gave: overdue, then notify, then the nearest deadline', () => {
    const { container } = renderPopup(all);
    expect(listedIds(container)).toEqual(['A-OVERDUE', 'B-NOTIFY', 'E-WARNING', 'C-SOON', 'OPS-7']);
  });

  it('does not re-sort or re-evaluate: rows keep the order and the states the background sent', () => {
    const { container } = renderPopup([sev3FarAway, overdueNoResponse]);
    expect(listedIds(container)).toEqual(['OPS-7', 'A-OVERDUE']);
    expect([...container.querySelectorAll('.ew-state-label')].map((node) => node.textContent)).toEqual(['On track', 'Overdue']);
  });

  it('shows each row\'s helpdesk, severity, level and countdowns', () => {
    const { container } = renderPopup([level2SalesRepPending, sev3FarAway]);
    const rows = [...container.querySelectorAll('.ew-list-item')];
    expect(rows[0]?.querySelector('[role="img"]')?.getAttribute('aria-label')).toBe('Zendesk');
    expect(rows[1]?.querySelector('[role="img"]')?.getAttribute('aria-label')).toBe('Jira');
    expect(rows[0]?.textContent).toContain('Sev 1');
    expect(rows[0]?.textContent).toContain('L2');
    // L3 at 4 h from opening (130 min ago) → in 1 h 50 min; update 60 min after the reply 20 min ago → 40 min.
    expect(rows[0]?.textContent).toContain('L3 in 1 h 50 min');
    expect(rows[0]?.textContent).toContain('update 40 min');
  });

  it('the search box narrows the list by title or id', () => {
    const { container } = renderPopup(all);
    fireEvent.input(screen.getByRole('searchbox', { name: /search tickets/i }), { target: { value: 'export' } });
    expect(listedIds(container)).toEqual(['OPS-7']);
  });

  it('severity filters keep only the chosen severities', () => {
    const { container } = renderPopup(all);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Sev 2' }));
    expect(listedIds(container)).toEqual(['E-WARNING', 'C-SOON']);
  });

  it('"mine" keeps only the engineer\'s own tickets', () => {
    const { container } = renderPopup(all);
    fireEvent.click(screen.getByRole('radio', { name: 'Mine' }));
    expect(listedIds(container)).toEqual(['C-SOON']);
  });

  it('"mine" explains what is missing when the engineer has not said who they are', () => {
    renderPopup(all, { data: { mineConfigured: false } });
    fireEvent.click(screen.getByRole('radio', { name: 'Mine' }));
    expect(screen.getByText(/set your helpdesk identity in Options/)).toBeTruthy();
  });

  it('with no watched ticket, explains how tickets get here', () => {
    renderPopup([]);
    expect(screen.getByRole('heading', { name: 'No tickets yet' })).toBeTruthy();
    expect(screen.getByText(/Open a ticket in Zendesk or Jira/)).toBeTruthy();
    expect(screen.queryByRole('searchbox')).toBeNull();
  });

  it('solved tickets alone also leave the popup empty', () => {
    renderPopup([solved]);
    expect(screen.getByRole('heading', { name: 'No tickets yet' })).toBeTruthy();
  });

  it('filters that hide everything say so and can be cleared', () => {
    const { container } = renderPopup(all);
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'nothing like this' } });
    expect(screen.getByText('No open ticket matches these filters.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(listedIds(container)).toHaveLength(5);
  });

  it('lists the people still to notify with the person from the directory', () => {
    const named = entry(level2SalesRepPending.ticket, { directory: seededDirectory(), organization: 'Acme Corp' });
    renderPopup([named]);
    expect(screen.getByRole('button', { name: 'Mark Sales Rep · Jane Doe notified for ticket B-NOTIFY' })).toBeTruthy();
    expect(screen.getByText('Jane Doe')).toBeTruthy();
  });

  it('says plainly when the directory has nobody for a role, with the way to add someone', () => {
    const { actions } = renderPopup([level2SalesRepPending]);
    expect(screen.getByText('nobody in the directory')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add who holds Sales Rep in the options (People)' }));
    expect(screen.getByRole('button', { name: 'Add who holds Sales Rep in the options (People)' }).textContent).toBe('nobody in the directory');
    expect(actions.openOptions).toHaveBeenCalledWith('people');
  });

  it('with two or more roles to tell, every "Mark notified" and both message actions are in the row', () => {
    // Sev 1 open 6 h 10 min: level 4, the Sales Rep, the District Sales Manager and the Escalation Director all due.
    const threeRoles = entry(watchedTicket({ id: 'L4', severity: 1, openedMinutesAgo: 370, repliedMinutesAgo: [360, 30] }));
    const { container } = renderPopup([threeRoles]);
    const row = container.querySelector('.ew-list-item');
    expect(row?.querySelectorAll('.ew-mark')).toHaveLength(3);
    expect(row?.querySelector('.ew-row-actions')?.textContent).toBe('Copy messageEmail');
    // The row is as tall as its lines (one per role, one for the actions): nothing scrolls out of view.
    expect((row as HTMLElement | null)?.style.height).toBe(`${56 + 28 * 4}px`);
    expect(row?.querySelector('.ew-people')?.textContent).toContain('Sales Rep · nobody in the directory');
  });

  it('a line cut short in the fixed-height row keeps its whole text in a tooltip: role, every holder and their addresses', () => {
    const directory = {
      ...seededDirectory(),
      salesReps: [{ organization: 'Acme Corp', person: { name: 'Maximiliana Fernández-Oyelaran', email: 'maximiliana@example.com' } }],
    };
    const { container } = renderPopup([entry(level2SalesRepPending.ticket, { directory, organization: 'Acme Corp' })]);
    const who = container.querySelector<HTMLElement>('.ew-person-who');
    expect(who?.title).toBe('Sales Rep · Maximiliana Fernández-Oyelaran (maximiliana@example.com)');
    expect(container.querySelector<HTMLElement>('.ew-ticket-title')?.title).toBe(level2SalesRepPending.ticket.title);
  });

  it('15 min after level 2 started, the on-duty Escalation Director the timeout added is in the row, marked, with its own "Mark notified"', async () => {
    // Sev 1 open 2 h 20 min: level 2 started 20 min ago, the Sales Rep not told.
    const ticket = watchedTicket({ id: 'D-ADDED', severity: 1, openedMinutesAgo: 140, repliedMinutesAgo: [130, 10] });
    const item = entry(ticket, { directory: seededDirectory(), organization: 'Acme Corp', ackTimeouts: { '1': 15 } });
    const { actions, container } = renderPopup([item]);
    const lines = [...container.querySelectorAll<HTMLElement>('.ew-person-who')].map((who) => who.title);
    expect(lines).toEqual([
      'Sales Rep · Jane Doe (jane.doe@example.com)',
      'On-duty Escalation Director · added after 15 min · Lee Chen (lee.chen@example.com)',
    ]);
    expect(container.querySelector('[data-ew="added-by-timeout"]')?.textContent).toBe(' · added after 15 min');
    expect(container.querySelector<HTMLElement>('[data-ew="added-by-timeout"]')?.title).toBe('added: Level 2 not acknowledged after 15 min');
    fireEvent.click(screen.getByRole('button', { name: 'Mark On-duty Escalation Director · Lee Chen notified for ticket D-ADDED' }));
    expect(actions.acknowledge).toHaveBeenCalledWith(ticket, 'escalation-director', { recordOnTicket: false, person: 'Lee Chen' });
  });

  it('a role already told is a plain fact with its time, not a button', () => {
    const told = entry(level2SalesRepPending.ticket, { acknowledged: { 'sales-rep': { at: NOW.toISOString(), by: 'ticket' } } });
    const { container } = renderPopup([told]);
    // NOW is 18:00 UTC: 02:00 in Shanghai, the engineer's zone here.
    expect(container.querySelector('.ew-fact')?.textContent).toBe('✓ Sales Rep notified 02:00 · noted on the ticket');
    expect(screen.queryByRole('button', { name: /Mark Sales Rep/ })).toBeNull();
  });

  it("'mark notified' acknowledges the role; the background's next list shows it told", async () => {
    const { actions, data } = renderPopup([level2SalesRepPending]);
    fireEvent.click(screen.getByRole('button', { name: 'Mark Sales Rep notified for ticket B-NOTIFY' }));
    expect(actions.acknowledge).toHaveBeenCalledWith(level2SalesRepPending.ticket, 'sales-rep', { recordOnTicket: false, person: null });
    await waitFor(() => expect(screen.getByText('Sales Rep marked notified for B-NOTIFY.')).toBeTruthy());
    const current = data.peek();
    if (current) data.value = { ...current, items: [entry(level2SalesRepPending.ticket, { acknowledged: { 'sales-rep': { at: NOW.toISOString(), by: 'local' } } })] };
    await waitFor(() => expect(screen.queryByRole('button', { name: /Mark Sales Rep notified/ })).toBeNull());
    expect(screen.getByText(/Sales Rep notified/)).toBeTruthy();
  });

  it('a failed acknowledgement is reported and the role stays pending', async () => {
    const actions = fakeActions({ acknowledge: vi.fn(async () => Promise.reject(new Error('background asleep'))) });
    renderPopup([level2SalesRepPending], { actions });
    fireEvent.click(screen.getByRole('button', { name: 'Mark Sales Rep notified for ticket B-NOTIFY' }));
    await waitFor(() => expect(screen.getByText('Could not mark Sales Rep notified: background asleep')).toBeTruthy());
    expect(screen.getByRole('button', { name: /Mark Sales Rep notified/ })).toBeTruthy();
  });

  it('with "ask each time", a setting (not a bare checkbox) chooses whether a note is written on the ticket', () => {
    const { actions } = renderPopup([level2SalesRepPending], { data: { ackNoteMode: 'ask' } });
    expect(screen.getByRole('group', { name: 'Setting' })).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: /record "notified" as a note/ }));
    fireEvent.click(screen.getByRole('button', { name: /Mark Sales Rep notified/ }));
    expect(actions.acknowledge).toHaveBeenCalledWith(expect.anything(), 'sales-rep', { recordOnTicket: false, person: null });
  });

  it('"copy message" copies the escalation subject and body', async () => {
    const { actions } = renderPopup([level2SalesRepPending]);
    fireEvent.click(screen.getByRole('button', { name: 'Copy the escalation message for ticket B-NOTIFY' }));
    await waitFor(() => expect(actions.copyText).toHaveBeenCalledTimes(1));
    const text = vi.mocked(actions.copyText).mock.calls[0]?.[0] ?? '';
    expect(text.split('\n')[0]).toBe('[Sev 1] Level 2 escalation: Zendesk B-NOTIFY — Ticket B-NOTIFY');
    expect(text).toContain('Link: https://acme.zendesk.com/agent/tickets/B-NOTIFY');
  });

  it('"email" is a mailto link to the people to notify with the message prefilled, composed when the link is used', () => {
    renderPopup([entry(level2SalesRepPending.ticket, { directory: seededDirectory(), organization: 'Acme Corp' })]);
    const link = screen.getByRole('link', { name: 'Email the people to notify about ticket B-NOTIFY' });
    // Not composed while the list renders (2,000 rows would compose 2,000 messages).
    expect(link.getAttribute('href')).toBe('mailto:');
    fireEvent.focus(link);
    const href = link.getAttribute('href') ?? '';
    expect(href.startsWith('mailto:jane.doe@example.com?subject=%5BSev%201%5D%20Level%202%20escalation')).toBe(true);
    expect(href).toContain('&body=Hello%20Jane%20Doe');
  });

  it('clicking a ticket opens its timeline; Back returns to the list with focus on that ticket', async () => {
    renderPopup([level2SalesRepPending, sev3FarAway]);
    fireEvent.click(screen.getByRole('button', { name: /B-NOTIFY/, description: 'Show the timeline' }));
    expect(screen.getByRole('heading', { level: 2, name: /B-NOTIFY/ })).toBeTruthy();
    expect(screen.getByRole('table')).toBeTruthy();
    expect(screen.getByText('Level 2 (Level 2 support) reached')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '← Back to the list' }));
    await waitFor(() => expect(document.activeElement?.textContent).toContain('B-NOTIFY'));
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('"Stop watching" in a ticket\'s detail forgets that ticket, says until when, and can be undone', async () => {
    const actions = fakeActions();
    renderPopup([level2SalesRepPending, sev3FarAway], { actions });
    fireEvent.click(screen.getByRole('button', { name: /B-NOTIFY/, description: 'Show the timeline' }));
    fireEvent.click(screen.getByRole('button', { name: 'Stop watching' }));
    await waitFor(() => expect(actions.forget).toHaveBeenCalledWith(level2SalesRepPending.ticket));
    await waitFor(() => expect(screen.getByText('Stopped watching B-NOTIFY until you open it again.', { exact: false })).toBeTruthy());
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(actions.watchAgain).toHaveBeenCalledWith(level2SalesRepPending.ticket);
    await waitFor(() => expect(screen.getByText('Watching B-NOTIFY again.')).toBeTruthy());
  });

  it('"Stop watching view tickets" appears only with tickets watched because a view showed them, and stops those', () => {
    const actions = fakeActions();
    renderPopup([level2SalesRepPending, sev3FarAway], { actions });
    expect(screen.queryByRole('button', { name: /Stop watching view tickets/ })).toBeNull();
    cleanup();
    renderPopup([level2SalesRepPending, { ...sev3FarAway, fromView: true }], { actions });
    fireEvent.click(screen.getByRole('button', { name: 'Stop watching view tickets (1)' }));
    expect(actions.forgetViewTickets).toHaveBeenCalledTimes(1);
  });

  it('once view tickets are not watched, the popup says so and offers to watch them again, until then not to stop again', () => {
    const actions = fakeActions();
    renderPopup([level2SalesRepPending, { ...sev3FarAway, fromView: true }], { actions, data: { watchViewTickets: false } });
    expect(screen.queryByRole('button', { name: /Stop watching view tickets/ })).toBeNull();
    expect(screen.getByText(/Tickets that views show are not watched\./)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Watch them again' }));
    expect(actions.watchViewTickets).toHaveBeenCalledTimes(1);
  });
});
