// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { TicketTimeline } from '../../components/timeline';
import { useEnglishMessages } from '../i18n/english-messages';
import { evaluationFixture, minutesAfter, ticketFixture } from '../queue/queue-fixtures';

const roleNames = { 'sales-rep': 'Sales Rep', 'district-sales-manager': 'District Sales Manager' };

describe('TicketTimeline', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useEnglishMessages();
  });
  afterEach(cleanup);

  it('shows each time in the engineer\'s zone and in the office\'s', () => {
    // T0 + 2 h = 10:00 UTC: 18:00 in Shanghai, 03:00 in Los Angeles (PDT).
    render(
      <TicketTimeline
        ticket={ticketFixture()}
        evaluation={evaluationFixture()}
        officeTimeZone="America/Los_Angeles"
        engineerTimeZone="Asia/Shanghai"
        now={minutesAfter(150)}
        roleNames={roleNames}
      />,
    );
    expect(screen.getByRole('columnheader', { name: 'Your time (Asia/Shanghai)' })).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'Office time (America/Los_Angeles)' })).toBeTruthy();
    const level2 = screen.getByText('Level 2 (Level 2 support) reached').closest('tr');
    expect(level2).not.toBeNull();
    const cells = within(level2 as HTMLElement).getAllByRole('cell');
    expect(cells[0]?.textContent).toContain('18:00');
    expect(cells[1]?.textContent).toContain('03:00');
    expect(within(level2 as HTMLElement).getByText('Notify: Sales Rep')).toBeTruthy();
  });

  it('uses one time column when the engineer works in the office\'s zone', () => {
    render(
      <TicketTimeline
        ticket={ticketFixture()}
        evaluation={evaluationFixture()}
        officeTimeZone="Asia/Shanghai"
        engineerTimeZone="Asia/Shanghai"
        now={minutesAfter(150)}
      />,
    );
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Time (Asia/Shanghai)', 'What']);
  });

  it('puts the explanation first and marks now between what happened and what is to come', () => {
    render(
      <TicketTimeline
        ticket={ticketFixture()}
        evaluation={evaluationFixture({ explanation: ['Sev 1 since 01:00', 'level 3 at 05:00'] })}
        officeTimeZone="America/Los_Angeles"
        engineerTimeZone="UTC"
        now={minutesAfter(150)}
      />,
    );
    expect(screen.getByText('Sev 1 since 01:00')).toBeTruthy();
    const rows = screen.getAllByRole('row').map((row) => row.textContent ?? '');
    const nowRow = rows.findIndex((text) => text.includes('Now'));
    const reached = rows.findIndex((text) => text.includes('Level 2 (Level 2 support) reached'));
    const next = rows.findIndex((text) => text.includes('Level 3 (Level 3 support) starts'));
    expect(reached).toBeLessThan(nowRow);
    expect(nowRow).toBeLessThan(next);
  });
});
