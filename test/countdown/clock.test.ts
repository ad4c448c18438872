import { computed, effect } from '@preact/signals';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createSharedClock, type ClockEnvironment } from '../../lib/countdown/clock';

function fakeEnvironment() {
  let visible = true;
  const visibilityTarget = new EventTarget();
  const env: ClockEnvironment = {
    now: () => Date.now(),
    isVisible: () => visible,
    visibilityTarget,
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
  const setVisible = (value: boolean) => {
    visible = value;
    visibilityTarget.dispatchEvent(new Event('visibilitychange'));
  };
  return { env, setVisible };
}

describe('the shared clock', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-07-14T10:00:00.250Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  test('does not tick while nothing shows a countdown', () => {
    const { env } = fakeEnvironment();
    const clock = createSharedClock(env);
    vi.advanceTimersByTime(5000);
    expect(clock.isTicking()).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });

  test('ticks on whole seconds at most once a second while watched', () => {
    const { env } = fakeEnvironment();
    const clock = createSharedClock(env);
    const seen: number[] = [];
    const dispose = effect(() => {
      seen.push(clock.now.value);
    });
    seen.length = 0;
    vi.advanceTimersByTime(3000);
    expect(seen.map((t) => new Date(t).toISOString())).toEqual([
      '2026-07-14T10:00:01.000Z',
      '2026-07-14T10:00:02.000Z',
      '2026-07-14T10:00:03.000Z',
    ]);
    dispose();
    expect(clock.isTicking()).toBe(false);
  });

  test('every countdown derives from the same instant', () => {
    const { env } = fakeEnvironment();
    const clock = createSharedClock(env);
    const a = computed(() => clock.now.value + 1);
    const b = computed(() => clock.now.value + 2);
    const pairs: Array<[number, number]> = [];
    const dispose = effect(() => {
      pairs.push([a.value, b.value]);
    });
    vi.advanceTimersByTime(2000);
    expect(pairs.every(([x, y]) => y - x === 1)).toBe(true);
    expect(vi.getTimerCount()).toBe(1);
    dispose();
  });

  test('stops while the document is hidden and catches up when shown again', () => {
    const { env, setVisible } = fakeEnvironment();
    const clock = createSharedClock(env);
    const seen: number[] = [];
    const dispose = effect(() => {
      seen.push(clock.now.value);
    });
    vi.advanceTimersByTime(1000);
    setVisible(false);
    const countWhenHidden = seen.length;
    vi.advanceTimersByTime(60_000);
    expect(seen.length).toBe(countWhenHidden);
    expect(vi.getTimerCount()).toBe(0);

    setVisible(true);
    vi.advanceTimersByTime(0);
    expect(seen.at(-1)).toBe(Date.now());
    dispose();
  });

  test('stops listening for visibility once nothing watches', () => {
    const { env } = fakeEnvironment();
    const add = vi.spyOn(env.visibilityTarget, 'addEventListener');
    const remove = vi.spyOn(env.visibilityTarget, 'removeEventListener');
    const clock = createSharedClock(env);
    const dispose = effect(() => {
      void clock.now.value;
    });
    dispose();
    expect(add).toHaveBeenCalledTimes(1);
    expect(remove).toHaveBeenCalledTimes(1);
  });
});
