// @vitest-environment happy-dom
import { cleanup, fireEvent, render } from '@testing-library/preact';
import ICAL from 'ical.js';
import { resolveObjectURL } from 'node:buffer';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ForecastView, type ForecastActions } from '../../components/forecast';
import type { Ticket } from '../../lib/engine/types';
import { formatInstant } from '../../lib/i18n';
import { forecastView } from '../../lib/view-model/forecast-view';
import { tCatalog } from '../alarms/alarm-fixtures';
import { TZDate } from '@date-fns/tz';
import { policySchema } from '../../lib/policy/schema';
import sample from '../fixtures/policy.sample.json';
import { useEnglishMessages } from '../i18n/english-messages';

/** The forecast view (issue 15 items 2–4) renders the background's answer: strips, handoff, hours, filter, calendar. */

const samplePolicy = policySchema.parse(sample);
const ZONES: Record<string, string> = { hq: 'America/Los_Angeles', shanghai: 'Asia/Shanghai' };
/** The instant an office's wall clock reads `wall` ('2026-12-04 17:00'). */
const local = (office: string, wall: string): Date => {
  const [y, mo, d, h, mi] = wall.split(/[- :]/).map(Number) as [number, number, number, number, number];
  return new Date(new TZDate(y, mo - 1, d, h, mi, ZONES[office]!).getTime());
};
const ticket = ({ createdAt, severity, office }: { createdAt: Date; severity: 1; office: string }): Ticket => ({
  system: 'zendesk', id: '', url: '', title: '', createdAt, severity, status: 'active', office, workaround: false,
  history: [{ at: createdAt, kind: 'severity', to: severity }],
});
const now = local('shanghai', '2026-12-04 17:00'); // Friday, an hour before Shanghai closes; 01:00 in Los Angeles
const sev1 = (id: string, office: string, createdAt: Date): { key: string; ticket: Ticket; acknowledged: string[]; organization: null } => ({
  key: `zendesk:${id}@https://acme.zendesk.com`,
  ticket: { ...ticket({ createdAt, severity: 1, office }), id, url: `https://acme.zendesk.com/agent/tickets/${id}`, title: `Outage ${id}` },
  acknowledged: [],
  organization: null,
});
const answer = forecastView({
  tickets: [sev1('501', 'shanghai', local('shanghai', '2026-12-04 16:00')), sev1('502', 'hq', local('hq', '2026-12-04 00:30'))],
  policy: samplePolicy,
  directory: { roles: { 'district-sales-manager': { shanghai: [{ name: 'Li Wei', email: 'li@example.com' }] } }, salesReps: [], directorRotations: {} },
  now,
  hours: 24,
  myOffice: null,
  words: { t: (key, subs) => tCatalog(key, subs === undefined ? undefined : (Array.isArray(subs) ? subs : [subs]).map(String)), formatInstant: (at, zone) => formatInstant(at, zone, 'en'), formatDuration: String },
});

function actions(): ForecastActions & { copied: string[] } {
  const copied: string[] = [];
  return {
    copied,
    load: async () => answer,
    onChange: () => () => undefined,
    setMyOffice: vi.fn(async () => undefined),
    copyText: async (text) => {
      copied.push(text);
    },
    openTicket: vi.fn(async () => undefined),
  };
}

describe('ForecastView', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useEnglishMessages();
  });
  afterEach(cleanup);

  it('draws a strip per office with a mark per deadline of its tickets, and groups the deadlines by hour', () => {
    const { container } = render(<ForecastView answer={answer} actions={actions()} variant="page" engineerTimeZone="UTC" />);
    const strips = [...container.querySelectorAll('.ew-strip-row')];
    expect(strips.map((row) => row.getAttribute('data-office'))).toEqual(['hq', 'shanghai', 'taichung', 'singapore', 'malaysia']);
    const marks = (office: string) => container.querySelectorAll(`.ew-strip-row[data-office="${office}"] .ew-mark`).length;
    expect(marks('shanghai')).toBe(answer.events.filter((e) => e.officeId === 'shanghai').length);
    expect(marks('shanghai')).toBeGreaterThan(0);
    expect(marks('taichung')).toBe(0);
    // The weekend shows in Shanghai's strip: Friday (work), Saturday (closed).
    expect([...container.querySelectorAll('.ew-strip-row[data-office="shanghai"] .ew-day')].map((day) => day.getAttribute('class'))).toEqual(['ew-day ew-day-workday', 'ew-day ew-day-closed']);
    const hours = [...container.querySelectorAll('.ew-forecast-hour')].map((h) => h.textContent);
    expect(hours[0]).toMatch(/ · \d+$/);
    const level3 = [...container.querySelectorAll('.ew-forecast-event')].find((row) => row.textContent?.includes('#501') && row.textContent.includes('Level 3'));
    expect(level3?.textContent).toContain('tell District Sales Manager: Li Wei');
    expect(level3?.textContent).toContain('Shanghai Office');
  });

  it('"My office" filters the strips and the list and is stored', () => {
    const act = actions();
    const { container } = render(<ForecastView answer={answer} actions={act} variant="page" engineerTimeZone="UTC" />);
    fireEvent.change(container.querySelector('select')!, { target: { value: 'shanghai' } });
    expect(act.setMyOffice).toHaveBeenCalledWith('shanghai');
    expect([...container.querySelectorAll('.ew-strip-row')].map((row) => row.getAttribute('data-office'))).toEqual(['shanghai']);
    expect([...container.querySelectorAll('.ew-forecast-event')].every((row) => row.textContent?.includes('#501'))).toBe(true);
  });

  it("the handoff's Copy as text copies the background's summary", async () => {
    const act = actions();
    const { container } = render(<ForecastView answer={{ ...answer, myOffice: 'shanghai' }} actions={act} variant="popup" engineerTimeZone="UTC" />);
    const handoff = container.querySelector('.ew-handoff[data-office="shanghai"]');
    expect(handoff?.textContent).toContain('Shanghai Office closes');
    fireEvent.click(handoff!.querySelector('.ew-handoff-copy')!);
    await Promise.resolve();
    expect(act.copied).toEqual([answer.handoffs.find((h) => h.officeId === 'shanghai')!.text]);
    expect(act.copied[0]).toContain('#501 Outage 501');
  });

  it('"Add all to calendar" downloads an .ics of the events shown, which ical.js reads back', async () => {
    const { container } = render(<ForecastView answer={answer} actions={actions()} variant="page" engineerTimeZone="UTC" />);
    const link = container.querySelector<HTMLAnchorElement>('a.ew-calendar-link')!;
    expect(link.getAttribute('download')).toBe('escalation-forecast-all.ics');
    fireEvent.click(link);
    const blob = resolveObjectURL(link.href);
    expect(blob).toBeDefined();
    const calendar = new ICAL.Component(ICAL.parse(await blob!.text()));
    const uids = calendar.getAllSubcomponents('vevent').map((vevent) => vevent.getFirstPropertyValue('uid'));
    expect(uids).toEqual(answer.events.map((event) => event.uid));
    expect(uids).toContain('zendesk-501-level-3@acme.zendesk.com');
  });
});
