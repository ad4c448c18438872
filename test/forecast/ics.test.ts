import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../lib/engine/types';
import { forecast, toICS, type ForecastEvent } from '../../lib/forecast';
import { HOUR, MINUTE, plus, samplePolicy, ticket } from '../engine/engine-fixtures';

/** SPEC §3 toICS: RFC 5545, read back with a real iCalendar parser (ical.js). */

const opened = new Date('2026-03-04T14:00:00Z');
const DAY = 24 * HOUR;

const zendesk: Ticket = { ...ticket({ createdAt: opened, severity: 1 }), id: '35436', url: 'https://acme.zendesk.com/agent/tickets/35436' };
const jira: Ticket = {
  ...ticket({ createdAt: plus(opened, -7 * MINUTE), severity: 2 }),
  system: 'jira',
  id: 'OPS-42',
  url: 'https://acme.atlassian.net/browse/OPS-42',
  history: [
    { at: plus(opened, -7 * MINUTE), kind: 'severity', to: 2 },
    { at: plus(opened, -2 * MINUTE), kind: 'publicReply' },
  ],
  title: '报表导出超时，客户无法完成月结；已提供临时方案：分批导出（每批 500 行）\n第二行',
};
const events = forecast([zendesk, jira], samplePolicy, opened, plus(opened, 2 * DAY));

interface ParsedEvent {
  uid: string;
  start: Date;
  startIsUtc: boolean;
  summary: string;
  description: string;
  url: unknown;
  stamp: unknown;
}

function parse(ics: string): { calendar: ICAL.Component; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return {
    calendar,
    events: calendar.getAllSubcomponents('vevent').map((vevent) => {
      const event = new ICAL.Event(vevent);
      return {
        uid: event.uid,
        start: event.startDate.toJSDate(),
        startIsUtc: event.startDate.zone?.tzid === 'UTC',
        summary: event.summary,
        description: event.description,
        url: vevent.getFirstPropertyValue('url'),
        stamp: vevent.getFirstPropertyValue('dtstamp'),
      };
    }),
  };
}

const octets = (line: string): number => Buffer.byteLength(line, 'utf8');

describe('toICS: one VEVENT per forecast event, read back by ical.js', () => {
  const ics = toICS(events);
  const parsed = parse(ics);

  it('the forecast has events of every kind for both tickets (the test has something to check)', () => {
    expect(new Set(events.map((e) => e.kind))).toEqual(new Set(['level', 'response', 'update']));
    expect(new Set(events.map((e) => e.ticketId))).toEqual(new Set(['35436', 'OPS-42']));
  });

  it('is a VCALENDAR with VERSION 2.0 and a PRODID, and every VEVENT has a DTSTAMP', () => {
    expect(parsed.calendar.name).toBe('vcalendar');
    expect(parsed.calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(parsed.calendar.getFirstPropertyValue('prodid')).toBe('-//Escalation Watch//Forecast//EN');
    expect(parsed.events).toHaveLength(events.length);
    for (const event of parsed.events) expect(event.stamp).toBeInstanceOf(ICAL.Time);
  });

  it('each event round-trips: UID, DTSTART in UTC at the event instant, SUMMARY, URL', () => {
    parsed.events.forEach((read, i) => {
      const event = events[i]!;
      const level = event.kind === 'level' ? `-${event.level}` : '';
      const host = new URL(event.url).hostname;
      expect(read.uid).toBe(`${event.system}-${event.ticketId}-${event.kind}${level}@${host}`);
      expect(read.start.getTime()).toBe(event.at.getTime());
      expect(read.startIsUtc).toBe(true);
      expect(read.url).toBe(event.url);
      expect(read.summary.startsWith(event.system === 'zendesk' ? `#${event.ticketId} Sev ` : `${event.ticketId} Sev `)).toBe(true);
      expect(read.description).toContain(event.title);
    });
    expect(new Set(parsed.events.map((e) => e.uid)).size).toBe(events.length);
  });

  it('DTSTART is written in UTC form (…Z)', () => {
    const starts = ics.split('\r\n').filter((line) => line.startsWith('DTSTART'));
    expect(starts).toHaveLength(events.length);
    for (const line of starts) expect(line).toMatch(/^DTSTART:\d{8}T\d{6}Z$/);
  });

  it('summaries read as a person says them', () => {
    const byUid = new Map(parsed.events.map((e) => [e.uid, e.summary]));
    expect(byUid.get('zendesk-35436-level-3@acme.zendesk.com')).toBe('#35436 Sev 1 → Level 3: notify District Sales Manager');
    expect(byUid.get('zendesk-35436-level-5@acme.zendesk.com')).toBe(
      '#35436 Sev 1 → Level 5: notify Regional Sales VP, VP of Engineering (product owner), CTO, CEO',
    );
    expect(byUid.get('zendesk-35436-response@acme.zendesk.com')).toBe('#35436 Sev 1 · response due');
    expect(byUid.get('jira-OPS-42-level-2@acme.atlassian.net')).toBe('OPS-42 Sev 2 → Level 2: notify Sales Rep');
  });

  it('lines end in CRLF, none is longer than 75 octets, and folding never splits a character (Chinese title)', () => {
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = ics.slice(0, -2).split('\r\n');
    for (const line of lines) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(lines.some((line) => line.startsWith(' ') && /[\u4e00-\u9fff]/.test(line))).toBe(true);
    // Each physical line is valid UTF-8 on its own: no replacement character after a byte-wise round trip.
    for (const line of lines) expect(Buffer.from(line, 'utf8').toString('utf8')).not.toContain('\uFFFD');
    const description = parsed.events.find((e) => e.uid.startsWith('jira-'))!.description;
    expect(description.split('\n').slice(0, 2)).toEqual(jira.title.split('\n'));
  });

  it('importing the file twice gives the same UIDs, so a calendar updates instead of doubling', () => {
    expect(parse(toICS(events)).events.map((e) => e.uid)).toEqual(parsed.events.map((e) => e.uid));
  });

  it('UIDs do not depend on the instant: after a reply the update deadline moves and keeps its UID', () => {
    const replied: Ticket = { ...zendesk, history: [...zendesk.history, { at: plus(opened, 20 * MINUTE), kind: 'publicReply' }] };
    const first = forecast([replied], samplePolicy, plus(opened, 25 * MINUTE), plus(opened, 2 * HOUR)).filter((e) => e.kind === 'update');
    const moved: Ticket = { ...replied, history: [...replied.history, { at: plus(opened, 70 * MINUTE), kind: 'publicReply' }] };
    const second = forecast([moved], samplePolicy, plus(opened, 75 * MINUTE), plus(opened, 3 * HOUR)).filter((e) => e.kind === 'update');
    const [a, b] = [parse(toICS(first)).events, parse(toICS(second)).events];
    expect(a).toHaveLength(1);
    expect(b).toHaveLength(1);
    expect(b[0]!.uid).toBe(a[0]!.uid);
    expect(b[0]!.start.getTime()).toBeGreaterThan(a[0]!.start.getTime());
  });
});

describe('toICS: text escaping (RFC 5545 §3.3.11)', () => {
  const base: ForecastEvent = {
    system: 'zendesk',
    ticketId: '7',
    title: 'a',
    url: 'https://acme.zendesk.com/agent/tickets/7',
    at: new Date('2026-03-04T16:00:00Z'),
    kind: 'response',
    notify: [],
    officeId: 'hq',
  };

  const titles = [
    { rule: 'backslash, comma and semicolon are escaped', title: 'C:\\temp; a, b' },
    { rule: 'line breaks (LF, CRLF, CR) become \\n', title: 'one\ntwo\r\nthree\rfour' },
    { rule: 'a long title of 4-octet characters folds between characters', title: '😀'.repeat(60) },
  ];

  it.each(titles)('$rule', ({ title }) => {
    const ics = toICS([{ ...base, title }]);
    for (const line of ics.slice(0, -2).split('\r\n')) {
      expect(octets(line)).toBeLessThanOrEqual(75);
      expect(Buffer.from(line, 'utf8').toString('utf8')).not.toContain('\uFFFD');
    }
    expect(parse(ics).events[0]!.description.split('\n')[0]).toBe(title.split(/\r\n?|\n/)[0]);
    expect(parse(ics).events[0]!.description).toContain(title.replace(/\r\n?/g, '\n'));
  });

  it('escapes in the raw text: \\\\ \\; \\, and \\n', () => {
    const ics = toICS([{ ...base, title: 'x\\y;z,w\nv' }]);
    expect(ics.replace(/\r\n /g, '')).toContain('DESCRIPTION:x\\\\y\\;z\\,w\\nv\\n');
  });

  it('control characters other than tab are dropped', () => {
    const read = parse(toICS([{ ...base, title: 'a\u0007b\tc\u007fd' }])).events[0]!;
    expect(read.description.split('\n')[0]).toBe('ab\tcd');
  });

  it('a URL that is not http(s) is left out rather than written', () => {
    const ics = toICS([{ ...base, url: 'javascript:alert(1)' }]);
    expect(ics).not.toContain('URL:');
    expect(parse(ics).events[0]!.uid).toBe('zendesk-7-response@escalation-watch.invalid');
  });

  it('an event without the optional names still reads: role ids, no severity', () => {
    const summary = parse(toICS([{ ...base, kind: 'level', level: 3, levelId: 'l3', notify: ['district-sales-manager'] }])).events[0]!.summary;
    expect(summary).toBe('#7 → Level 3: notify district-sales-manager');
  });

  it('DTSTAMP is the given writing time, else the event instant (the same events give the same file)', () => {
    const stamped = toICS([base], { stampedAt: new Date('2026-03-04T15:01:02.345Z') });
    expect(stamped).toContain('DTSTAMP:20260304T150102Z');
    expect(toICS([base])).toContain('DTSTAMP:20260304T160000Z');
    expect(toICS([base])).toBe(toICS([base]));
  });

  it('a file written later is a newer revision: SEQUENCE grows with stampedAt, LAST-MODIFIED is it', () => {
    const read = (stampedAt: Date) => parse(toICS([base], { stampedAt })).calendar.getFirstSubcomponent('vevent')!;
    const earlier = read(new Date('2026-03-04T15:00:00Z'));
    const later = read(new Date('2026-03-04T15:01:00Z'));
    expect(later.getFirstPropertyValue('sequence')).toBe(Number(earlier.getFirstPropertyValue('sequence')) + 1);
    expect((later.getFirstPropertyValue('last-modified') as ICAL.Time).toJSDate()).toEqual(new Date('2026-03-04T15:01:00Z'));
    expect(toICS([base])).not.toContain('SEQUENCE');
  });

  it('an event without a valid instant, or an invalid stamp, is refused with the event named', () => {
    expect(() => toICS([base, { ...base, ticketId: '8', at: new Date(Number.NaN) }])).toThrow('events[1] (zendesk 8 response)');
    expect(() => toICS([base], { stampedAt: new Date('nope') })).toThrow('stampedAt');
  });

  it('labels in another language replace the English words', () => {
    const summary = parse(toICS([{ ...base, severity: 1 }], { labels: { severity: '严重级 $1', response: '首次回复到期' } })).events[0]!.summary;
    expect(summary).toBe('#7 严重级 1 · 首次回复到期');
  });

  it('no events: an empty but valid VCALENDAR', () => {
    const calendar = parse(toICS([])).calendar;
    expect(calendar.getAllSubcomponents('vevent')).toEqual([]);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
  });
});
