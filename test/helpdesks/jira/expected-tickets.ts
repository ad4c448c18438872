import type { Ticket } from '../../../lib/engine/types';
import { jiraMappingDefaults, type JiraMapping } from '../../../lib/helpdesks/jira/mapping';

/** What the fixture bodies in test/fixtures/jira mean, worked out by hand from SPEC §3-4. */

export const at = (iso: string) => new Date(iso);
export const policyRoles = ['sales-rep', 'district-sales-manager', 'escalation-director', 'ceo'];

/** OPS-42 as SPEC §3–4 reads it; every line cites the body part it comes from. */
export const ops42: Ticket = {
  system: 'jira',
  id: 'OPS-42',
  url: 'https://acme.atlassian.net/browse/OPS-42',
  title: 'Checkout gateway down for all Shanghai users',
  createdAt: at('2026-07-14T09:30:00Z'),
  severity: 2, // priority High now
  status: 'active', // In Progress, category indeterminate
  office: 'shanghai', // label office-shanghai
  workaround: true, // label workaround-provided
  organization: 'Globex', // JSM "Organizations" (customfield_10002, found through names)
  assignee: '712020:0c1d2e3f-4a5b-6c7d-8e9f-a0b1c2d3e4f5', // fields.assignee.accountId
  history: [
    { at: at('2026-07-14T09:30:00Z'), kind: 'severity', to: 3 }, // fromString of the first priority change: Medium
    { at: at('2026-07-14T09:30:00Z'), kind: 'status', to: 'active' }, // fromString of the first status change: Open
    { at: at('2026-07-14T10:00:00Z'), kind: 'severity', to: 1 }, // Medium → Highest
    { at: at('2026-07-14T10:20:00Z'), kind: 'publicReply' }, // Wei, jsdPublic true (ADF with a mention and a list)
    { at: at('2026-07-14T10:40:00Z'), kind: 'status', to: 'waiting' }, // → Waiting for customer
    { at: at('2026-07-14T11:10:00Z'), kind: 'status', to: 'active' }, // → In Progress
    { at: at('2026-07-14T11:30:00Z'), kind: 'publicReply' },
    { at: at('2026-07-14T13:00:00Z'), kind: 'publicReply' },
    { at: at('2026-07-14T14:00:00Z'), kind: 'workaround' }, // labels gained workaround-provided
    { at: at('2026-07-14T14:40:00Z'), kind: 'notified', role: 'sales-rep' }, // internal ADF note, written 14:45
    { at: at('2026-07-14T15:00:00Z'), kind: 'severity', to: 2 }, // Highest → High
    { at: at('2026-07-14T15:20:00Z'), kind: 'publicReply' },
  ],
};

/** SUP-7 on Data Center (REST v2), severity from the "Severity" custom field. */
export const sup7: Ticket = {
  system: 'jira',
  id: 'SUP-7',
  url: 'https://jira.corp.example/jira/browse/SUP-7', // context path kept from issue.self
  title: 'Monthly report generation fails with HTTP 500',
  createdAt: at('2026-07-13T01:00:00Z'), // 09:00+0800
  severity: 1, // customfield_10400 = Sev-1
  status: 'active',
  office: 'taichung',
  workaround: false,
  organization: null, // not a service project: no Organizations field
  assignee: 'JIRAUSER10001', // fields.assignee.key (Data Center)
  history: [
    { at: at('2026-07-13T01:00:00Z'), kind: 'severity', to: 3 }, // fromString "Sev 3"
    { at: at('2026-07-13T01:00:00Z'), kind: 'status', to: 'active' }, // fromString "Open"
    { at: at('2026-07-13T03:00:00Z'), kind: 'publicReply' }, // bob
    { at: at('2026-07-13T04:00:00Z'), kind: 'publicReply' }, // bob, a marker with 2026-02-30 is no note
    { at: at('2026-07-14T02:00:00Z'), kind: 'status', to: 'waiting' }, // → Pending
    { at: at('2026-07-14T06:00:00Z'), kind: 'status', to: 'active' }, // → In Progress
    { at: at('2026-07-15T01:00:00Z'), kind: 'severity', to: 1 }, // Severity Sev 3 → Sev-1 (priority change ignored)
    { at: at('2026-07-15T01:20:00Z'), kind: 'publicReply' },
    { at: at('2026-07-15T03:05:00Z'), kind: 'notified', role: 'sales-rep' }, // normal comment: no customer portal
    { at: at('2026-07-15T04:30:00Z'), kind: 'publicReply' },
  ],
};

/** SUP-7's site reads severity from its "Severity" custom field. */
export const severityField: JiraMapping = {
  ...jiraMappingDefaults,
  severity: { source: 'field', field: 'Severity', values: {}, numbered: true },
};
