import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { escalationMessageForRole } from '../../lib/background/escalation-message-for-role';
import { evaluate } from '../../lib/engine/evaluate';
import { defaultPolicy } from '../../lib/policy';
import { useEnglishMessages } from '../i18n/english-messages';
import { makeTicket, NOW } from '../content/harness';

describe('the message for a role to notify (copy message / email)', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useEnglishMessages();
  });

  const ticket = makeTicket('35436', 1, 130);
  const message = () =>
    escalationMessageForRole({ ticket, evaluation: evaluate(ticket, defaultPolicy, NOW, []), policy: defaultPolicy, roleId: 'sales-rep', now: NOW });

  test('the subject names severity, level and ticket', () => {
    const { subject } = message();
    expect(subject).toContain('35436');
    expect(subject).toContain('Ticket 35436');
    expect(subject).toMatch(/1/);
  });

  test('the body carries the ticket link, severity, level, time open and what is needed', () => {
    const { body } = message();
    expect(body).toContain(ticket.url);
    expect(body).toContain('Severe problem');
    expect(body).toContain('Level 2 support');
    expect(body).toContain('2 h 10 min');
    expect(body).toContain('Sales Rep');
    expect(body).toContain('(America/Los_Angeles)');
  });

  test('the email link carries exactly that subject and body', () => {
    const { subject, body, mailto } = message();
    const url = new URL(mailto);
    expect(url.protocol).toBe('mailto:');
    expect(url.searchParams.get('subject')).toBe(subject);
    expect(url.searchParams.get('body')).toBe(body.replace(/\n/g, '\r\n'));
  });
});
