import { describe, expect, it } from 'vitest';
import { compareUrgency, sortByUrgency } from '../../lib/view-model';
import { minutesAfter, queueItem as baseItem, withDeadline } from '../queue/queue-fixtures';

/** A ranked ticket: its key and its evaluation (the one order sorts anything that has both). */
const queueItem = (spec: Parameters<typeof baseItem>[0]) => {
  const item = baseItem(spec);
  return { ...item, key: `${item.ticket.system}:${item.ticket.id}` };
};
const ids = (items: ReadonlyArray<ReturnType<typeof queueItem>>) => items.map((item) => item.ticket.id);

describe('popup order: overdue, then notify, then nearest deadline', () => {
  it.each([
    {
      rule: 'an overdue ticket comes before a ticket with a role to notify, even one whose deadline is sooner',
      items: [queueItem({ id: 'N', evaluation: withDeadline('notify', 5) }), queueItem({ id: 'O', evaluation: withDeadline('overdue', 500) })],
      expected: ['O', 'N'],
    },
    {
      rule: 'a ticket with a role to notify comes before a ticket in its warning window',
      items: [queueItem({ id: 'W', evaluation: withDeadline('warning', 1) }), queueItem({ id: 'N', evaluation: withDeadline('notify', 300) })],
      expected: ['N', 'W'],
    },
    {
      rule: 'warning and ok tickets are ordered by their nearest deadline alone',
      items: [
        queueItem({ id: 'W-late', evaluation: withDeadline('warning', 90) }),
        queueItem({ id: 'OK-soon', evaluation: withDeadline('ok', 60) }),
        queueItem({ id: 'OK-later', evaluation: withDeadline('ok', 400) }),
      ],
      expected: ['OK-soon', 'W-late', 'OK-later'],
    },
    {
      rule: 'among overdue tickets the one overdue the longest comes first',
      items: [queueItem({ id: 'O-recent', evaluation: withDeadline('overdue', 100) }), queueItem({ id: 'O-long', evaluation: withDeadline('overdue', 20) })],
      expected: ['O-long', 'O-recent'],
    },
    {
      rule: 'tickets with a running deadline come before paused and unknown-severity tickets',
      items: [
        queueItem({ id: 'P', evaluation: withDeadline('paused', null) }),
        queueItem({ id: 'U', evaluation: { ...withDeadline('unknown', null), severity: null } }),
        queueItem({ id: 'OK', evaluation: withDeadline('ok', 10_000) }),
      ],
      expected: ['OK', 'U', 'P'],
    },
    {
      rule: 'equal deadlines put the more severe ticket first',
      items: [
        queueItem({ id: 'S3', evaluation: { ...withDeadline('ok', 60), severity: 3 } }),
        queueItem({ id: 'S1', evaluation: { ...withDeadline('ok', 60), severity: 1 } }),
      ],
      expected: ['S1', 'S3'],
    },
  ])('$rule', ({ items, expected }) => {
    expect(ids(sortByUrgency(items))).toEqual(expected);
  });

  it('an overdue ticket is ordered by the deadline it missed, not the next level ahead', () => {
    const missedLongAgo = queueItem({
      id: 'A',
      evaluation: { ...withDeadline('overdue', 20), nextLevel: { level: 3, id: 'l3', at: minutesAfter(900) } },
    });
    const missedRecently = queueItem({
      id: 'B',
      evaluation: { ...withDeadline('overdue', 100), nextLevel: { level: 3, id: 'l3', at: minutesAfter(110) } },
    });
    expect(ids(sortByUrgency([missedRecently, missedLongAgo]))).toEqual(['A', 'B']);
  });

  it('an unanswered response deadline orders an overdue ticket', () => {
    const noResponse = queueItem({
      id: 'R',
      evaluation: { ...withDeadline('overdue', 500), respondedAt: null, responseDueAt: minutesAfter(30) },
    });
    const lateUpdate = queueItem({ id: 'U', evaluation: withDeadline('overdue', 60) });
    expect(ids(sortByUrgency([lateUpdate, noResponse]))).toEqual(['R', 'U']);
  });

  it('sorting leaves the input untouched and is a total order (antisymmetric)', () => {
    const items = [
      queueItem({ id: '1', evaluation: withDeadline('ok', 50) }),
      queueItem({ id: '2', evaluation: withDeadline('notify', 70) }),
      queueItem({ id: '3', evaluation: withDeadline('overdue', 10) }),
    ];
    const before = ids(items);
    sortByUrgency(items);
    expect(ids(items)).toEqual(before);
    for (const a of items) {
      for (const b of items) expect(Math.sign(compareUrgency(a, b)) + Math.sign(compareUrgency(b, a))).toBe(0);
    }
  });

  it('the fast sort gives exactly the order of the comparator, over many mixed tickets', () => {
    const states = ['overdue', 'notify', 'warning', 'ok', 'unknown', 'paused', 'stopped'] as const;
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const items = Array.from({ length: 300 }, (_, index) => {
      const state = states[Math.floor(random() * states.length)] ?? 'ok';
      const minutes = random() < 0.2 ? null : Math.floor(random() * 50) * 10;
      const severity = (1 + Math.floor(random() * 4)) as 1 | 2 | 3 | 4;
      return queueItem({ id: String(index), evaluation: { ...withDeadline(state, minutes), severity } });
    });
    expect(ids(sortByUrgency(items))).toEqual(ids([...items].sort(compareUrgency)));
  });
});
