import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../lib/countdown';
import { messageFromCatalog, type MessageKey, type Substitutions } from '../../lib/i18n';
import { policySchema } from '../../lib/policy/schema';
import { composeEscalationMessage, mailtoUri, type EscalationMessageInput } from '../../lib/view-model';
import en from '../../public/_locales/en/messages.json';
import samplePolicy from '../fixtures/policy.sample.json';
import { evaluationFixture, minutesAfter, T0, ticketFixture } from '../queue/queue-fixtures';

const policy = policySchema.parse(samplePolicy);
const translate = (key: MessageKey, subs?: Substitutions) =>
  messageFromCatalog(en, key, subs === undefined ? undefined : (Array.isArray(subs) ? subs : [subs]).map(String));
const formatInstant = (at: Date) => `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

function input(overrides: Partial<EscalationMessageInput> = {}): EscalationMessageInput {
  return {
    ticket: ticketFixture({ id: '35436', title: 'Database cluster down' }),
    evaluation: evaluationFixture({ level: 3, levelId: 'l3', nextLevel: { level: 4, id: 'director', at: minutesAfter(360) }, pending: ['district-sales-manager'] }),
    policy,
    now: minutesAfter(250),
    recipients: [{ role: 'district-sales-manager', name: 'Jane Doe', email: 'jane.doe@example.com' }],
    translate,
    formatInstant,
    formatDuration: (ms) => formatDuration(ms),
    ...overrides,
  };
}

describe('composeEscalationMessage', () => {
  it('the subject names severity, level, helpdesk, id and title', () => {
    expect(composeEscalationMessage(input()).subject).toBe('[Sev 1] Level 3 escalation: Zendesk 35436 — Database cluster down');
  });

  it.each([
    ['the ticket link', 'Link: https://acme.zendesk.com/agent/tickets/35436'],
    ['the severity with its policy name', 'Severity: 1 — Severe problem'],
    ['the level with its name and since when', 'Level: 3 — Level 3 support, since 2026-07-14 12:00 UTC'],
    ['how long the ticket has been open', 'Open for: 4 h 10 min (since 2026-07-14 08:00 UTC)'],
    ['the next level and when it starts', 'Next level: 4 — Escalation Director at 2026-07-14 14:00 UTC'],
    ['who engages at this level', '- L3 support engineer engaged on the ticket'],
    ['who is being informed, by name and role', '- You are informed as: Jane Doe (District Sales Manager)'],
    ['when the next customer update is due', '- Next customer update due 2026-07-14 11:10 UTC'],
  ])('the body states %s', (_what, line) => {
    expect(composeEscalationMessage(input()).body.split('\n')).toContain(line);
  });

  it('greets the recipients by name, or generically when none is known', () => {
    expect(composeEscalationMessage(input()).body.startsWith('Hello Jane Doe,\n')).toBe(true);
    const anonymous = composeEscalationMessage(input({ recipients: [{ role: 'sales-rep', name: null, email: null }] }));
    expect(anonymous.body.startsWith('Hello,\n')).toBe(true);
    expect(anonymous.body).toContain('- You are informed as: Sales Rep');
  });

  it('asks for the first response while none was given', () => {
    const message = composeEscalationMessage(
      input({ evaluation: evaluationFixture({ respondedAt: null, responseDueAt: minutesAfter(30), nextUpdateDueAt: minutesAfter(30) }) }),
    );
    expect(message.body).toContain('- First response to the customer due 2026-07-14 08:30 UTC');
    expect(message.body).not.toContain('Next customer update due');
  });

  it('lists on-request roles of the director level without addressing them', () => {
    const evaluation = evaluationFixture({ level: 4, levelId: 'director', nextLevel: { level: 5, id: 'executive', at: minutesAfter(720) } });
    const body = composeEscalationMessage(input({ evaluation, now: minutesAfter(400) })).body;
    expect(body).toContain('- On request: Regional Head of Technical Support, Regional Head of Professional Services');
  });

  it('mailto carries the recipients, the subject and the body with CRLF line breaks', () => {
    const message = composeEscalationMessage(input());
    const uri = new URL(message.mailto);
    expect(uri.protocol).toBe('mailto:');
    expect(uri.pathname).toBe('jane.doe@example.com');
    expect(decodeURIComponent(uri.searchParams.get('subject') ?? '')).toBe(message.subject);
    expect(message.mailto).toContain('%0D%0A');
    const rawBody = message.mailto.split('&body=')[1] ?? '';
    expect(decodeURIComponent(rawBody)).toBe(message.body.replace(/\n/g, '\r\n'));
  });

  it('mailto encodes spaces as %20, not +, which mail clients would show literally', () => {
    const uri = mailtoUri([], 'a b+c', 'x');
    expect(uri).toBe('mailto:?subject=a%20b%2Bc&body=x');
  });

  it('mailto lists each address once and skips recipients without one', () => {
    const uri = mailtoUri(
      [
        { role: 'sales-rep', name: 'A', email: 'a@example.com' },
        { role: 'district-sales-manager', name: 'A', email: 'a@example.com' },
        { role: 'cto', name: 'C', email: null },
        { role: 'ceo', name: 'D', email: 'd+ops@example.com' },
      ],
      's',
      'b',
    );
    expect(uri.startsWith('mailto:a@example.com,d%2Bops@example.com?')).toBe(true);
  });

  it('the time open counts from the ticket creation', () => {
    const body = composeEscalationMessage(input({ now: minutesAfter(60 * 26 + 5, T0) })).body;
    expect(body).toContain('Open for: 1 d 02 h (since 2026-07-14 08:00 UTC)');
  });
});
