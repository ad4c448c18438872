import { describe, expect, it } from 'vitest';
import { onDutyDirector } from '../../lib/people';
import { sampleDirectory } from './directory-fixture';

const at = (iso: string) => new Date(iso);

describe('on-duty Escalation Director: weekly rotation per office', () => {
  const cases: Array<[string, string, string, string, string]> = [
    // rule, office, now, current, next
    ['the first person is on duty from the anchor handover', 'hq', '2026-03-02T17:00:00Z', 'Alex Week-One', 'Blair Week-Two'],
    ['before the anchor week ends it is still the first person', 'hq', '2026-03-09T15:59:00Z', 'Alex Week-One', 'Blair Week-Two'],
    ['the handover follows local time across the DST change (09:00 PDT = 16:00 UTC)', 'hq', '2026-03-09T16:00:00Z', 'Blair Week-Two', 'Casey Week-Three'],
    ['after the last person the rotation starts again', 'hq', '2026-03-23T16:00:00Z', 'Alex Week-One', 'Blair Week-Two'],
    ['before the anchor the rotation runs backwards', 'hq', '2026-02-24T12:00:00Z', 'Casey Week-Three', 'Alex Week-One'],
    ['Shanghai hands over at 09:00 Shanghai time (01:00 UTC)', 'shanghai', '2026-07-13T01:00:00Z', 'Li Na', 'Wang Wei'],
    ['one minute before the Shanghai handover the previous person is on duty', 'shanghai', '2026-07-13T00:59:00Z', 'Wang Wei', 'Li Na'],
  ];
  it.each(cases)('%s', (_rule, office, now, current, next) => {
    const onDuty = onDutyDirector(sampleDirectory(), office, at(now));
    expect(onDuty?.current.person.name).toBe(current);
    expect(onDuty?.next.person.name).toBe(next);
  });

  it('says when the current shift started and when the next one begins', () => {
    const onDuty = onDutyDirector(sampleDirectory(), 'hq', at('2026-03-10T12:00:00Z'));
    expect(onDuty?.current.since).toEqual(at('2026-03-09T16:00:00Z'));
    expect(onDuty?.current.until).toEqual(at('2026-03-16T16:00:00Z'));
    expect(onDuty?.next.from).toEqual(at('2026-03-16T16:00:00Z'));
  });

  it('is null for an office without a rotation', () => {
    expect(onDutyDirector(sampleDirectory(), 'taichung', at('2026-03-10T12:00:00Z'))).toBeNull();
  });
});
