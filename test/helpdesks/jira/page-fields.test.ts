import { describe, expect, it } from 'vitest';
import { jiraMappingDefaults, type JiraMapping } from '../../../lib/helpdesks/jira/mapping';
import { fetchJiraFields, jiraRestFacts } from '../../../lib/helpdesks/jira/page-fields';
import { fakeJira, jsonReply } from './fake-jira';
import { jiraJson } from './fixtures';

/**
 * The page read's light REST request (issue 13): the issue's own fields without changelog, one
 * attempt, and what they tell read by hand (no zod in pages), in no language.
 */
describe('Jira issue fields for the page read', () => {
  it('asks once for summary, created, status, priority and labels (and a severity field given by id), without changelog', async () => {
    const byId: JiraMapping = { ...jiraMappingDefaults, severity: { source: 'field', field: 'customfield_10400', values: {}, numbered: true } };
    const { io, requests } = fakeJira('https://acme.atlassian.net', [{ path: '/rest/api/3/issue/OPS-42', reply: jsonReply(jiraJson('cloud-ops-42.fields.json')) }]);
    expect(await fetchJiraFields('OPS-42', io, byId)).toMatchObject({ created: '2026-07-14T09:30:00.000+0000' });
    expect(requests).toHaveLength(1);
    expect(requests[0]?.url.searchParams.get('fields')).toBe('summary,created,status,priority,labels,customfield_10400');
    expect(requests[0]?.url.searchParams.has('expand')).toBe(false);
  });

  it('a failing request is not retried: the page is read without it', async () => {
    const { io, requests } = fakeJira('https://acme.atlassian.net', [{ path: '/rest/api/3/issue/OPS-42', reply: jsonReply({}, 503) }]);
    await expect(fetchJiraFields('OPS-42', io, jiraMappingDefaults)).rejects.toMatchObject({ kind: 'server' });
    expect(requests).toHaveLength(1);
  });

  it('reads the status by its category key, the creation as an instant, and skips what has another shape', () => {
    const fields = jiraJson('cloud-ops-42.fields.json').fields as Record<string, unknown>;
    expect(jiraRestFacts(fields, jiraMappingDefaults)).toEqual({
      title: 'Checkout gateway down for all Shanghai users',
      createdAt: new Date('2026-07-14T09:30:00Z'),
      status: 'active',
      severity: 2,
      labels: ['office-shanghai', 'workaround-provided'],
    });
    const done = { ...fields, status: { name: 'Erledigt', statusCategory: { key: 'done' } } };
    expect(jiraRestFacts(done, jiraMappingDefaults).status).toBe('solved');
    expect(jiraRestFacts({ ...fields, created: '14. Juli 2026', priority: null }, jiraMappingDefaults)).toMatchObject({ severity: null });
    expect(jiraRestFacts({ ...fields, created: '14. Juli 2026' }, jiraMappingDefaults).createdAt).toBeUndefined();
    expect(jiraRestFacts('not fields', jiraMappingDefaults)).toEqual({});
  });
});
