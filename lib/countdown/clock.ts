import { signal, type ReadonlySignal } from '@preact/signals';

/**
 * One clock for every countdown on the page. It ticks at most once a second, only while
 * something shows a countdown (the signal is watched) and only while the document is visible:
 * a hidden tab costs no timers at all, and every countdown derives from the same instant, so
 * two badges never disagree by a second.
 */

export interface ClockEnvironment {
  now: () => number;
  isVisible: () => boolean;
  /** Where 'visibilitychange' is heard (the document). */
  visibilityTarget: EventTarget;
  setTimeout: (callback: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

export interface SharedClock {
  /** Milliseconds since the epoch, updated on whole seconds while watched and visible. */
  readonly now: ReadonlySignal<number>;
  /** Whether a tick is scheduled; for tests and diagnostics. */
  readonly isTicking: () => boolean;
}

const TICK_MS = 1000;

export function createSharedClock(env: ClockEnvironment): SharedClock {
  let timer: unknown = null;
  let watching = false;

  const schedule = () => {
    const current = env.now();
    // A value older than a tick (the clock slept while hidden or unwatched) is refreshed at once;
    // otherwise land on the next whole second so every countdown flips with the wall clock.
    const stale = current - now.peek() >= TICK_MS;
    timer = env.setTimeout(tick, stale ? 0 : TICK_MS - (current % TICK_MS));
  };
  const stop = () => {
    if (timer !== null) env.clearTimeout(timer);
    timer = null;
  };
  const tick = () => {
    timer = null;
    now.value = env.now();
    if (watching && env.isVisible()) schedule();
  };
  const onVisibilityChange = () => {
    if (!watching) return;
    if (env.isVisible()) {
      if (timer === null) schedule();
    } else {
      stop();
    }
  };

  const now = signal(env.now(), {
    watched() {
      watching = true;
      env.visibilityTarget.addEventListener('visibilitychange', onVisibilityChange);
      // Not written here: this runs while a subscriber is being added, where writes are not allowed.
      if (env.isVisible() && timer === null) schedule();
    },
    unwatched() {
      watching = false;
      env.visibilityTarget.removeEventListener('visibilitychange', onVisibilityChange);
      stop();
    },
  });

  return { now, isTicking: () => timer !== null };
}

let pageClock: SharedClock | null = null;

/** The page's one clock, created on first use from the global document and timers. */
export function pageSharedClock(): SharedClock {
  pageClock ??= createSharedClock({
    now: () => Date.now(),
    isVisible: () => document.visibilityState === 'visible',
    visibilityTarget: document,
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  });
  return pageClock;
}
