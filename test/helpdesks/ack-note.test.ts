import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAckNote, parseAckNote, stripMarkup } from '../../lib/helpdesks/ack-note';

const at = new Date('2026-07-14T10:05:00Z');
const policyRoles = ['sales-rep', 'district-sales-manager', 'escalation-director', 'cto'];

describe('formatAckNote', () => {
  it('writes the issue 8 sentence with the role id appended', () => {
    expect(
      formatAckNote({ roleName: 'Sales Rep', roleId: 'sales-rep', person: 'Jane Doe', channel: 'email', at, level: 2 }),
    ).toBe('[Escalation Watch] Notified Sales Rep (Jane Doe) by email at 2026-07-14 10:05 UTC — level 2 (role: sales-rep)');
  });

  it('leaves out the person and channel when not given', () => {
    expect(formatAckNote({ roleName: 'CTO', roleId: 'cto', at, level: 5 })).toBe(
      '[Escalation Watch] Notified CTO at 2026-07-14 10:05 UTC — level 5 (role: cto)',
    );
  });

  it('keeps names typed with line breaks on one line', () => {
    const note = formatAckNote({ roleName: 'Sales Rep', roleId: 'sales-rep', person: 'Jane\nDoe', at, level: 2 });
    expect(note).not.toContain('\n');
    expect(note).toContain('(Jane Doe)');
  });

  it('refuses a role id that could not be parsed back', () => {
    expect(() => formatAckNote({ roleName: 'X', roleId: 'sales rep)', at, level: 2 })).toThrow(/role id/);
  });
});

describe('parseAckNote', () => {
  const note = formatAckNote({ roleName: 'Sales Rep', roleId: 'sales-rep', person: 'Jane Doe', channel: 'email', at, level: 2 });

  it.each([
    ['the note itself', note],
    ['the note with surrounding whitespace', `\n\n   ${note}   \n`],
    ['the note after other text in the comment', `Called Jane about the outage.\n${note}\nWill follow up.`],
    ['the note as Zendesk html_body', `<div class="zd-comment" dir="auto"><p>${note.replace('—', '&mdash;')}</p></div>`],
    ['the note with HTML entities in the names', `<p>[Escalation Watch] Notified Sales Rep (J&amp;D&nbsp;Ltd) by email at 2026-07-14 10:05 UTC &#8212; level 2 (role: sales-rep)</p>`],
    ['the note with Markdown-escaped brackets', note.replace('[Escalation Watch]', '\\[Escalation Watch\\]')],
    ['the note with an ASCII dash', note.replace('—', '-')],
    ['text extracted from Jira ADF (paragraph after paragraph)', `Update\n${note}`],
  ])('reads %s', (_name, text) => {
    expect(parseAckNote(text, policyRoles)).toEqual({ roleId: 'sales-rep', at, level: 2 });
  });

  it('reads names that contain " at " and parentheses', () => {
    const tricky = formatAckNote({
      roleName: 'VP of Engineering (product owner)',
      roleId: 'vp-engineering',
      person: 'Al at 2026-01-01 00:00 UTC (role: cto)',
      at,
      level: 5,
    });
    expect(parseAckNote(tricky)).toEqual({ roleId: 'vp-engineering', at, level: 5 });
  });

  it.each([
    ['no marker at all', 'Notified Sales Rep at 2026-07-14 10:05 UTC — level 2 (role: sales-rep)'],
    ['a different marker', '[Escalation Watcher] Notified Sales Rep at 2026-07-14 10:05 UTC — level 2 (role: sales-rep)'],
    ['no role id', '[Escalation Watch] Notified Sales Rep (Jane Doe) by email at 2026-07-14 10:05 UTC — level 2'],
    ['no time', '[Escalation Watch] Notified Sales Rep — level 2 (role: sales-rep)'],
    ['a time without UTC', '[Escalation Watch] Notified Sales Rep at 2026-07-14 10:05 — level 2 (role: sales-rep)'],
    ['an impossible date', '[Escalation Watch] Notified Sales Rep at 2026-02-30 10:05 UTC — level 2 (role: sales-rep)'],
    ['an impossible hour', '[Escalation Watch] Notified Sales Rep at 2026-07-14 25:05 UTC — level 2 (role: sales-rep)'],
    ['level 0', '[Escalation Watch] Notified Sales Rep at 2026-07-14 10:05 UTC — level 0 (role: sales-rep)'],
    ['text after the role', '[Escalation Watch] Notified Sales Rep at 2026-07-14 10:05 UTC — level 2 (role: sales-rep) just kidding'],
    ['an empty role name', '[Escalation Watch] Notified  at 2026-07-14 10:05 UTC — level 2 (role: sales-rep)'],
  ])('rejects %s', (_name, text) => {
    expect(parseAckNote(text)).toBeNull();
  });

  it('rejects a role the policy does not know', () => {
    const unknown = formatAckNote({ roleName: 'Janitor', roleId: 'janitor', at, level: 2 });
    expect(parseAckNote(unknown, policyRoles)).toBeNull();
    expect(parseAckNote(unknown)).toEqual({ roleId: 'janitor', at, level: 2 });
  });

  it('takes the first well-formed note when a comment carries several', () => {
    const second = formatAckNote({ roleName: 'CTO', roleId: 'cto', at: new Date('2026-07-14T11:00:00Z'), level: 5 });
    expect(parseAckNote(`${note}\n${second}`)?.roleId).toBe('sales-rep');
  });

  it('round-trips any role, names and minute (property)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,30}$/),
        fc.string({ minLength: 1, maxLength: 40 }),
        fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
        fc.option(fc.constantFrom('email', 'phone', 'chat', 'Teams call'), { nil: undefined }),
        fc.integer({ min: Date.UTC(2000, 0, 1) / 60_000, max: Date.UTC(2099, 11, 31) / 60_000 }),
        fc.integer({ min: 1, max: 5 }),
        (roleId, roleName, person, channel, minute, level) => {
          const when = new Date(minute * 60_000);
          const text = formatAckNote({ roleName, roleId, person, channel, at: when, level });
          expect(parseAckNote(text)).toEqual({ roleId, at: when, level });
        },
      ),
    );
  });
});

describe('the marker is found whatever markup-like text surrounds it (issue 12)', () => {
  const line = formatAckNote({ roleName: 'Sales Rep', roleId: 'sales-rep', at: new Date('2026-07-14T10:05:00Z'), level: 2 });

  it('a "<" and a ">" in the text around the note do not swallow it', () => {
    expect(parseAckNote(`latency < 5 s\n${line}\nload > 80 %`)?.roleId).toBe('sales-rep');
  });

  it('a tag does not reach across lines to swallow the note', () => {
    expect(parseAckNote(`see <b\n${line}\nbold>`)?.roleId).toBe('sales-rep');
  });

  it('tags are still stripped, and a line-ending tag still ends a line', () => {
    expect(parseAckNote(`<p>Hello</p><p>${line}</p><p>bye</p>`)?.roleId).toBe('sales-rep');
    expect(stripMarkup('<p>a</p><br/>b<span class="x">c</span>')).toBe('a\n\nbc');
  });

  it("200,000 '<' before a note still parse to the note (speed: bench/ack-note.bench.ts)", () => {
    expect(parseAckNote(`${'<'.repeat(200_000)}\n${line}`)?.roleId).toBe('sales-rep');
  });
});
