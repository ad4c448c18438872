import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { appendRaised, notificationLogItem, setStorageProblemSink, type StorageProblem } from '../../lib/storage';

const raised = (n: number) => ({ id: `zendesk:1|level|l${n}|x`, title: `#1 level ${n}`, message: 'Sales Rep: Jane Doe', at: `2026-07-14T10:${String(n % 60).padStart(2, '0')}:00.000Z` });

describe('the notification log', () => {
  let problems: StorageProblem[];
  beforeEach(() => {
    fakeBrowser.reset();
    problems = [];
    setStorageProblemSink((p) => problems.push(p));
  });

  it('appends newest last and keeps only the newest entries past its cap', () => {
    const log = appendRaised([raised(1), raised(2)], [raised(3), raised(4)], 3);
    expect(log.map((n) => n.title)).toEqual(['#1 level 2', '#1 level 3', '#1 level 4']);
  });

  it('drops an entry it cannot read and keeps the rest, saying why', async () => {
    await fakeBrowser.storage.local.set({ notificationLog: [raised(1), { id: '', title: 3 }, raised(2)], notificationLog$: { v: 1 } });
    expect((await notificationLogItem.get()).map((n) => n.title)).toEqual(['#1 level 1', '#1 level 2']);
    expect(problems.map((p) => p.reason).join(' ')).toMatch(/entry 1 dropped/);
  });
});
