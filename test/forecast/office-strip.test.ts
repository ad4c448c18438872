import { describe, expect, it } from 'vitest';
import { officeStrip } from '../../lib/forecast';
import { HOUR, local, samplePolicy } from '../engine/engine-fixtures';

/** The 24-hour strip per office (issue 15 item 2): business hours and the kind of each local day. */
describe('officeStrip', () => {
  it('Shanghai from Wednesday 30 September noon: half a workday, then National Day (a holiday)', () => {
    const from = local('shanghai', '2026-09-30 12:00').getTime();
    const strip = officeStrip(samplePolicy, 'shanghai', from, from + 24 * HOUR);
    expect(strip.days.map((d) => `${d.date} ${d.kind}`)).toEqual(['2026-09-30 workday', '2026-10-01 holiday']);
    expect(strip.days[1]?.fromMs).toBe(local('shanghai', '2026-10-01 00:00').getTime());
    expect(strip.open).toEqual([[from, local('shanghai', '2026-09-30 18:00').getTime()]]);
  });

  it('a make-up Saturday is open with the weekday hours; the Sunday after it is closed', () => {
    const from = local('shanghai', '2026-10-10 00:00').getTime();
    const strip = officeStrip(samplePolicy, 'shanghai', from, from + 48 * HOUR);
    expect(strip.days.map((d) => `${d.date} ${d.kind}`)).toEqual(['2026-10-10 makeup', '2026-10-11 closed']);
    expect(strip.open).toEqual([[local('shanghai', '2026-10-10 09:00').getTime(), local('shanghai', '2026-10-10 18:00').getTime()]]);
  });

  it('headquarters across the end of daylight saving time: local days of 25 hours keep their midnight', () => {
    const from = local('hq', '2026-10-31 12:00').getTime();
    const strip = officeStrip(samplePolicy, 'hq', from, from + 48 * HOUR);
    expect(strip.days.map((d) => d.date)).toEqual(['2026-10-31', '2026-11-01', '2026-11-02']);
    expect(strip.days[2]?.fromMs).toBe(local('hq', '2026-11-02 00:00').getTime());
    expect(strip.days[1]!.toMs - strip.days[1]!.fromMs).toBe(25 * HOUR);
  });
});
