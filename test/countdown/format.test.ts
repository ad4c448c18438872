import { describe, expect, test } from 'vitest';
import { formatCountdown, formatDuration } from '../../lib/countdown/format';

const s = 1000;
const min = 60 * s;
const h = 60 * min;
const d = 24 * h;

describe('formatCountdown', () => {
  test.each([
    ['over an hour shows hours and two-digit minutes', h + 5 * min, '1 h 05 min'],
    ['remaining time is floored, never rounded up', h + 5 * min + 59 * s, '1 h 05 min'],
    ['under an hour shows minutes only', 42 * min + 10 * s, '42 min'],
    ['under a minute shows seconds', 40 * s + 900, '40 s'],
    ['a day or more shows days and hours', 2 * d + 3 * h + 20 * min, '2 d 03 h'],
    ['the deadline instant itself is overdue (boundaries are inclusive)', 0, 'overdue 0 s'],
    ['overdue time counts from the deadline', -(3 * min + 20 * s), 'overdue 3 min'],
    ['long overdue shows hours', -(2 * h + 1 * min), 'overdue 2 h 01 min'],
  ])('%s', (_rule, ms, expected) => {
    expect(formatCountdown(ms)).toBe(expected);
  });

  test('translated words replace the English ones', () => {
    const words = { day: '天', hour: '小时', minute: '分钟', second: '秒', overdue: '逾期 $1' };
    expect(formatCountdown(h + 5 * min, words)).toBe('1 小时 05 分钟');
    expect(formatCountdown(-3 * min, words)).toBe('逾期 3 分钟');
  });

  test('formatDuration never shows a negative duration', () => {
    expect(formatDuration(-5 * min)).toBe('0 s');
  });
});
