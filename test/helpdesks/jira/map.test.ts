import { describe, expect, it } from 'vitest';
import type { TicketEvent } from '../../../lib/engine/types';
import type { JiraMapping } from '../../../lib/helpdesks/jira/mapping';
import { ticketFromJira } from '../../../lib/helpdesks/jira/map';
import { at, ops42, policyRoles, severityField, sup7 } from './expected-tickets';
import { changed, jiraJson, REMOVE } from './fixtures';

describe('ticketFromJira on a Cloud service-desk issue (REST v3)', () => {
  it('maps current values and the whole history', () => {
    expect(ticketFromJira({ issue: jiraJson('cloud-ops-42.complete.json'), policyRoles })).toEqual(ops42);
  });

  it('takes a note for a role the policy does not know only when no roles are given', () => {
    const ticket = ticketFromJira({ issue: jiraJson('cloud-ops-42.complete.json') });
    const notified = ticket.history.filter((e) => e.kind === 'notified');
    expect(notified).toEqual([
      { at: at('2026-07-14T14:40:00Z'), kind: 'notified', role: 'sales-rep' },
      { at: at('2026-07-14T15:09:00Z'), kind: 'notified', role: 'not-a-role' },
    ]);
  });

  it('ignores the marker the reporter wrote in a public comment', () => {
    const ticket = ticketFromJira({ issue: jiraJson('cloud-ops-42.complete.json'), policyRoles });
    expect(ticket.history).not.toContainEqual(expect.objectContaining({ at: at('2026-07-14T12:30:00Z') }));
  });
});

describe('ticketFromJira on Data Center (REST v2)', () => {
  it('maps a custom "Severity" field by name, plain bodies and name/key authors', () => {
    expect(ticketFromJira({ issue: jiraJson('dc-sup-7.issue.json'), policyRoles }, severityField)).toEqual(sup7);
  });

  it('finds the custom field by id as well as by name', () => {
    const byId: JiraMapping = { ...severityField, severity: { ...severityField.severity, field: 'customfield_10400' } as JiraMapping['severity'] };
    expect(ticketFromJira({ issue: jiraJson('dc-sup-7.issue.json'), policyRoles }, byId)).toEqual(sup7);
  });

  it('reads the priority instead when the mapping says so', () => {
    const ticket = ticketFromJira({ issue: jiraJson('dc-sup-7.issue.json'), policyRoles });
    const severities = ticket.history.filter((e) => e.kind === 'severity');
    expect(ticket.severity).toBe(1); // Critical in the classic Server scheme
    expect(severities.map((e) => (e as Extract<TicketEvent, { kind: 'severity' }>).to)).toEqual([2, 1]); // Major → Critical
  });
});

const dcIssue = jiraJson('dc-sup-7.issue.json');
const variant = (changes: Record<string, unknown>) => changed(dcIssue, changes);

describe('ticketFromJira rules', () => {
  it('an issue without any change held its current values since creation', () => {
    const issue = variant({ changelog: { startAt: 0, maxResults: 0, total: 0, histories: [] } });
    const ticket = ticketFromJira({ issue, policyRoles }, severityField);
    expect(ticket.history.slice(0, 2)).toEqual([
      { at: at('2026-07-13T01:00:00Z'), kind: 'severity', to: 1 },
      { at: at('2026-07-13T01:00:00Z'), kind: 'status', to: 'active' },
    ]);
  });

  it('an internal comment flagged by the sd.public.comment property is no public reply', () => {
    const issue = variant({
      'fields.comment.comments.1.properties': [{ key: 'sd.public.comment', value: { internal: true } }],
    });
    const replies = ticketFromJira({ issue, policyRoles }, severityField).history.filter((e) => e.kind === 'publicReply');
    expect(replies.map((e) => e.at)).not.toContainEqual(at('2026-07-13T03:00:00Z'));
  });

  it('the status category of the current status also names it in the history', () => {
    const issue = variant({
      'fields.status': { name: 'Shipped', statusCategory: { key: 'done' } },
      'changelog.histories.4': {
        id: '40009',
        created: '2026-07-15T13:00:00.000+0800',
        items: [{ field: 'status', fromString: 'In Progress', toString: 'Shipped' }],
      },
    });
    const ticket = ticketFromJira({ issue, policyRoles }, severityField);
    expect(ticket.status).toBe('solved');
    expect(ticket.history.at(-1)).toEqual({ at: at('2026-07-15T05:00:00Z'), kind: 'status', to: 'solved' });
  });

  it('a workaround event each time the label is added', () => {
    const labels = (id: string, created: string, fromString: string, toString: string) => ({
      id,
      created,
      items: [{ field: 'labels', fromString, toString }],
    });
    const issue = variant({
      'changelog.histories.4': labels('40010', '2026-07-15T13:00:00.000+0800', 'office-taichung', 'office-taichung workaround-provided'),
      'changelog.histories.5': labels('40011', '2026-07-15T14:00:00.000+0800', 'office-taichung workaround-provided', 'office-taichung'),
      'changelog.histories.6': labels('40012', '2026-07-15T15:00:00.000+0800', 'office-taichung', 'workaround-provided office-taichung'),
    });
    const workarounds = ticketFromJira({ issue, policyRoles }, severityField).history.filter((e) => e.kind === 'workaround');
    expect(workarounds.map((e) => e.at)).toEqual([at('2026-07-15T05:00:00Z'), at('2026-07-15T07:00:00Z')]);
  });

  it('a note dated after its comment is capped at the comment time', () => {
    const issue = variant({
      'fields.comment.comments.5.body': '[Escalation Watch] Notified Sales Rep at 2026-07-16 00:00 UTC — level 2 (role: sales-rep)',
    });
    const notified = ticketFromJira({ issue, policyRoles }, severityField).history.filter((e) => e.kind === 'notified');
    expect(notified).toEqual([{ at: at('2026-07-15T03:06:00Z'), kind: 'notified', role: 'sales-rep' }]);
  });

  it("an agent who reported the issue still records notes in internal comments (judged by the internal flag)", () => {
    const issue = variant({
      'fields.reporter': { name: 'bob', key: 'JIRAUSER10001', displayName: 'Bob (agent)' },
      'fields.comment.comments.5.author': { name: 'bob', key: 'JIRAUSER10001', displayName: 'Bob (agent)' },
      'fields.comment.comments.5.properties': [{ key: 'sd.public.comment', value: { internal: true } }],
    });
    const notified = ticketFromJira({ issue, policyRoles }, severityField).history.filter((e) => e.kind === 'notified');
    expect(notified).toContainEqual({ at: at('2026-07-15T03:05:00Z'), kind: 'notified', role: 'sales-rep' });
  });

  it("the reporter's public comments are never agent replies, an agent's are", () => {
    const issue = variant({ 'fields.reporter': { name: 'bob', key: 'JIRAUSER10001', displayName: 'Bob (agent)' } });
    const replies = ticketFromJira({ issue, policyRoles }, severityField).history.filter((e) => e.kind === 'publicReply');
    expect(replies.map((e) => e.at)).not.toContainEqual(at('2026-07-15T01:20:00Z')); // Bob's, now the reporter
    expect(replies.map((e) => e.at)).toContainEqual(at('2026-07-13T02:00:00Z')); // Alice's, no longer the reporter
  });

  it('with no reporter every authored comment is an agent reply', () => {
    const issue = variant({ 'fields.reporter': null });
    const replies = ticketFromJira({ issue, policyRoles }, severityField).history.filter((e) => e.kind === 'publicReply');
    expect(replies.map((e) => e.at)).toContainEqual(at('2026-07-13T02:00:00Z')); // Alice's first comment
  });
});

describe('malformed Jira bodies are rejected with the field named', () => {
  it.each<[string, Record<string, unknown>, RegExp]>([
    ['no created', { 'fields.created': REMOVE }, /fields\.created/],
    ['a created that is no date', { 'fields.created': '13/Jul/26 9:00 AM' }, /fields\.created: not a Jira date-time/],
    ['no summary', { 'fields.summary': REMOVE }, /fields\.summary/],
    ['no status', { 'fields.status': REMOVE }, /fields\.status/],
    ['no comment field', { 'fields.comment': REMOVE }, /fields\.comment/],
    ['a comment without its date', { 'fields.comment.comments.2.created': REMOVE }, /fields\.comment\.comments\.2\.created/],
    ['no changelog (expand=changelog missing)', { changelog: REMOVE }, /changelog/],
    ['a history item without a field', { 'changelog.histories.1.items.0.field': REMOVE }, /changelog\.histories\.1\.items\.0\.field/],
    ['no key', { key: REMOVE }, /key/],
    ['a self that is no URL', { self: 'issue/20007' }, /self/],
    ['only the first page of comments', { 'fields.comment.total': 30 }, /SUP-7: fields\.comment holds 7 of 30 comments/],
    ['only the first page of the changelog', { 'changelog.total': 120 }, /SUP-7: changelog holds 4 of 120 histories/],
    ['a field name without names (expand=names missing)', { names: REMOVE }, /names is missing.*"Severity"/],
  ])('%s', (_rule, changes, message) => {
    expect(() => ticketFromJira({ issue: variant(changes) }, severityField)).toThrow(message);
  });

  it('rejects something that is no issue at all', () => {
    expect(() => ticketFromJira({ issue: 'OPS-42' })).toThrow(/Jira issue: \(body\)/);
  });
});
