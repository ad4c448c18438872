import { describe, expect, it } from 'vitest';
import { createWakeAfterReads } from '../../lib/background/wake-after-reads';

/** A clock and timers the test moves by hand. */
function manualTime() {
  let now = 0;
  const timers: Array<{ at: number; run: () => void; cancelled: boolean }> = [];
  return {
    nowMs: () => now,
    setTimer: (run: () => void, ms: number) => {
      const timer = { at: now + ms, run, cancelled: false };
      timers.push(timer);
      return () => {
        timer.cancelled = true;
      };
    },
    advance(ms: number) {
      now += ms;
      for (const timer of timers.filter((t) => !t.cancelled && t.at <= now)) {
        timer.cancelled = true;
        timer.run();
      }
    },
  };
}

function setUp() {
  const time = manualTime();
  let wakes = 0;
  const held = createWakeAfterReads({
    wake: async () => {
      wakes++;
    },
    nowMs: time.nowMs,
    setTimer: time.setTimer,
    log: () => undefined,
    delayMs: 1_500,
    maxDelayMs: 10_000,
  });
  return { time, held, wakes: () => wakes };
}

describe('the wake after a view\'s history reads', () => {
  it('is held back until the rows had time to ask again, then runs once for every batch stored meanwhile', async () => {
    const { time, held, wakes } = setUp();
    held.readsStored();
    time.advance(1_000);
    held.readsStored();
    time.advance(1_000);
    held.readsStored();
    expect(wakes()).toBe(0);
    time.advance(1_499);
    expect(wakes()).toBe(0);
    time.advance(1);
    await Promise.resolve();
    expect(wakes()).toBe(1);
    time.advance(60_000);
    expect(wakes()).toBe(1);
  });

  it('reads that keep coming never hold it back more than the longest delay after the first', () => {
    const { time, held, wakes } = setUp();
    for (let i = 0; i < 20; i++) {
      held.readsStored();
      time.advance(1_000);
    }
    // Stored at 0 s, 1 s, … : the wake ran 10 s after the first batch, and again after the later ones.
    expect(wakes()).toBe(2);
  });

  it('flush runs a held-back wake at once (tests and the scale script), and nothing when none is held', async () => {
    const { time, held, wakes } = setUp();
    await held.flush();
    expect(wakes()).toBe(0);
    held.readsStored();
    await held.flush();
    expect(wakes()).toBe(1);
    time.advance(60_000);
    expect(wakes()).toBe(1);
  });
});
