import { describe, expect, it } from 'vitest';
import { filterQueue, showEverything, type QueueFilter } from '../../lib/queue';
import { queueItem } from './queue-fixtures';

const items = [
  queueItem({ id: '35436', ticket: { title: 'Database cluster down', severity: 1 }, evaluation: { severity: 1 }, mine: true }),
  queueItem({ id: 'OPS-42', ticket: { system: 'jira', title: 'Slow report export' }, evaluation: { severity: 3 }, mine: false }),
  queueItem({ id: '35500', ticket: { title: '打印机无法连接' }, evaluation: { severity: 2 }, mine: false }),
  queueItem({ id: '35501', ticket: { title: 'Triage me' }, evaluation: { severity: null, state: 'unknown' }, mine: true }),
  queueItem({ id: '35502', ticket: { title: 'Solved database ticket' }, evaluation: { severity: 1, state: 'stopped' }, mine: true }),
];

const filter = (overrides: Partial<QueueFilter>) => filterQueue(items, { ...showEverything, ...overrides }).map((i) => i.ticket.id);

describe('popup filters and search', () => {
  it.each([
    { rule: 'everything open is shown by default; solved tickets never are', f: {}, expected: ['35436', 'OPS-42', '35500', '35501'] },
    { rule: '"mine" keeps only the engineer\'s own tickets', f: { scope: 'mine' as const }, expected: ['35436', '35501'] },
    { rule: 'a severity filter keeps only those severities', f: { severities: new Set([1, 3] as const) }, expected: ['35436', 'OPS-42'] },
    { rule: '"none" selects tickets without a severity', f: { severities: new Set(['none'] as const) }, expected: ['35501'] },
    { rule: 'search matches the title, case-insensitively', f: { query: 'DATABASE' }, expected: ['35436'] },
    { rule: 'search matches the ticket id', f: { query: 'ops-42' }, expected: ['OPS-42'] },
    { rule: 'search matches "#id" as typed in Zendesk', f: { query: '#35500' }, expected: ['35500'] },
    { rule: 'search matches the helpdesk name', f: { query: 'jira' }, expected: ['OPS-42'] },
    { rule: 'every search word must match', f: { query: 'cluster down' }, expected: ['35436'] },
    { rule: 'words match in any order', f: { query: 'down database' }, expected: ['35436'] },
    { rule: 'Chinese titles are searchable', f: { query: '打印机' }, expected: ['35500'] },
    { rule: 'full-width input matches ASCII ids', f: { query: 'ＯＰＳ' }, expected: ['OPS-42'] },
    { rule: 'filters combine', f: { scope: 'mine' as const, severities: new Set([1] as const), query: 'cluster' }, expected: ['35436'] },
    { rule: 'a search that matches nothing leaves an empty list', f: { query: 'no such words' }, expected: [] },
  ])('$rule', ({ f, expected }) => {
    expect(filter(f)).toEqual(expected);
  });
});
