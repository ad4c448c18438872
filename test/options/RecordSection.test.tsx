// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { RecordSection } from '../../components/options/record/RecordSection';
import { scaleMaxMs } from '../../components/options/record/AckDelayChart';
import { parseCsv } from '../../lib/people/csv';
import { periodOfDates, lastDaysDates } from '../../lib/record';
import type { EscalationRecord } from '../../lib/storage/escalation-record';
import { useEnglishMessages } from '../i18n/english-messages';

/** Issue 15 item 5: the Record tab — delay per level over 30 days, and the period's record as CSV or JSON. */

const NOW = new Date('2026-07-20T12:00:00Z');
const ack = (role: string, level: number, started: string, minutes: number) => ({
  role,
  level,
  levelStartedAt: started,
  at: new Date(Date.parse(started) + minutes * 60_000).toISOString(),
  how: 'button' as const,
  person: '=cmd()',
  channel: null,
  noteWritten: true,
});
const record: EscalationRecord = {
  'zendesk:35436@https://acme.zendesk.com': {
    system: 'zendesk',
    id: '35436',
    title: 'Database "down", again',
    url: 'https://acme.zendesk.com/agent/tickets/35436',
    severity: 1,
    levels: [{ level: 2, levelId: 'l2', at: '2026-07-14T10:00:00.000Z' }],
    notifications: [{ id: 'x|ack-timeout|l2|y', kind: 'ack-timeout', at: '2026-07-14T10:15:00.000Z', level: 2, roles: ['sales-rep', 'escalation-director'] }],
    acknowledgements: [ack('sales-rep', 2, '2026-07-14T10:00:00.000Z', 20), ack('district-sales-manager', 3, '2026-07-14T12:00:00.000Z', 5)],
    updatedAt: '2026-07-14T12:05:00.000Z',
  },
};

function renderSection() {
  const download = vi.fn<(filename: string, text: string, type: string) => void>();
  render(<RecordSection store={{ load: async () => record }} files={{ download }} now={NOW} engineerTimeZone="Asia/Shanghai" />);
  return download;
}

describe('Record tab', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useEnglishMessages();
  });
  afterEach(cleanup);

  it('draws the delay per level as an SVG with its figures as text', async () => {
    renderSection();
    const lines = await waitFor(() => {
      const items = [...document.querySelectorAll('[data-record="chart-text"] li')].map((li) => li.textContent);
      expect(items).toHaveLength(2);
      return items;
    });
    expect(lines).toEqual(['Level 2: median 20 min, 90th percentile 20 min (n = 1)', 'Level 3: median 5 min, 90th percentile 5 min (n = 1)']);
    const svg = document.querySelector('svg[role="img"]');
    expect(svg?.querySelector('title')?.textContent).toBe('Acknowledgement delay per level, last 30 days');
    expect(svg?.querySelector('desc')?.textContent).toContain('Level 2: median 20 min');
    // The median bar of level 2 (20 min) is four times as long as level 3's (5 min).
    const width = (level: number) => Number(svg?.querySelector(`g[data-level="${level}"] .ew-chart-median`)?.getAttribute('width'));
    expect(width(2) / width(3)).toBeCloseTo(4, 5);
  });

  it('exports the chosen period as formula-safe CSV and as JSON', async () => {
    const download = renderSection();
    await screen.findByText('Export CSV');
    fireEvent.input(document.querySelector('input[name="record-from"]') as HTMLInputElement, { target: { value: '2026-07-14' } });
    fireEvent.input(document.querySelector('input[name="record-to"]') as HTMLInputElement, { target: { value: '2026-07-14' } });
    fireEvent.click(screen.getByText('Export CSV'));
    const [filename, csv, type] = download.mock.calls[0] ?? [];
    expect([filename, type]).toEqual(['escalation-record-2026-07-14-to-2026-07-14.csv', 'text/csv']);
    const rows = parseCsv(csv ?? '');
    expect(rows.slice(1).map((row) => [row[0], row[6], row[8]])).toEqual([
      ['2026-07-14T10:00:00.000Z', 'level', 'l2'],
      ['2026-07-14T10:15:00.000Z', 'notification', 'ack-timeout'],
      ['2026-07-14T10:20:00.000Z', 'acknowledgement', 'sales-rep'],
      ['2026-07-14T12:05:00.000Z', 'acknowledgement', 'district-sales-manager'],
    ]);
    expect(rows[1]?.[3]).toBe('Database "down", again');
    expect(rows[3]?.[11]).toBe("'=cmd()");
    expect(document.querySelector('[data-record="status"]')?.textContent).toBe('Exported 4 rows as CSV.');
    fireEvent.click(screen.getByText('Export JSON'));
    const json = JSON.parse(download.mock.calls[1]?.[1] ?? '{}');
    expect(json.tickets[0].acknowledgements.map((a: { delayMinutes: number }) => a.delayMinutes)).toEqual([20, 5]);
  });

  it('a start date after the end date is refused and nothing can be exported', async () => {
    const download = renderSection();
    await screen.findByText('Export CSV');
    fireEvent.input(document.querySelector('input[name="record-from"]') as HTMLInputElement, { target: { value: '2026-07-15' } });
    fireEvent.input(document.querySelector('input[name="record-to"]') as HTMLInputElement, { target: { value: '2026-07-14' } });
    expect(screen.getByRole('alert').textContent).toBe('The start date must be on or before the end date.');
    fireEvent.click(screen.getByText('Export CSV'));
    expect(download).not.toHaveBeenCalled();
  });

  it('says so when nothing was acknowledged in the last 30 days', async () => {
    render(<RecordSection store={{ load: async () => ({}) }} files={{ download: vi.fn() }} now={NOW} engineerTimeZone="UTC" />);
    expect((await screen.findByText('No acknowledgements in the last 30 days.')).textContent).toBeTruthy();
  });
});

describe('the period from dates', () => {
  it('is whole days in the engineer\'s zone: from the start of the first to the start of the day after the last', () => {
    expect(periodOfDates('2026-07-14', '2026-07-14', 'Asia/Shanghai')).toEqual({ from: new Date('2026-07-13T16:00:00Z'), to: new Date('2026-07-14T16:00:00Z') });
    // Los Angeles springs forward on 2026-03-08: that day has 23 hours.
    expect(periodOfDates('2026-03-08', '2026-03-08', 'America/Los_Angeles')).toEqual({ from: new Date('2026-03-08T08:00:00Z'), to: new Date('2026-03-09T07:00:00Z') });
  });

  it('names what is wrong', () => {
    expect(periodOfDates('2026-02-30', '2026-03-01', 'UTC')).toEqual({ problem: 'from' });
    expect(periodOfDates('2026-03-01', 'tomorrow', 'UTC')).toEqual({ problem: 'to' });
    expect(periodOfDates('2026-03-02', '2026-03-01', 'UTC')).toEqual({ problem: 'order' });
  });

  it('defaults to the last 30 days up to today', () => {
    expect(lastDaysDates(NOW, 30, 'Asia/Shanghai')).toEqual({ from: '2026-06-21', to: '2026-07-20' });
  });

  it('the chart scale ends on a round number of minutes', () => {
    expect(scaleMaxMs([20 * 60_000, 5 * 60_000])).toBe(30 * 60_000);
    expect(scaleMaxMs([0])).toBe(5 * 60_000);
  });
});
