/**
 * One clock for every countdown on a page. It ticks at most once a second, on whole seconds, only
 * while something listens and only while the document is visible: a hidden tab costs no timers
 * at all, and every countdown derives from the same instant, so two badges never disagree by a
 * second. Plain subscriptions, no signals: helpdesk pages bundle this, and every byte counts
 * there (clock.ts wraps it in a signal for the popup).
 */

export interface ClockEnvironment {
  now: () => number;
  isVisible: () => boolean;
  /** Where 'visibilitychange' is heard (the document). */
  visibilityTarget: EventTarget;
  setTimeout: (callback: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

export interface SecondTicker {
  /** Milliseconds since the epoch as of the last tick (or creation). */
  now(): number;
  /** Called on every tick with the new instant; the ticking starts with the first listener and stops with the last. */
  subscribe(listener: (now: number) => void): () => void;
  /** Whether a tick is scheduled; for tests and diagnostics. */
  isTicking(): boolean;
}

const TICK_MS = 1000;

export function createSecondTicker(env: ClockEnvironment): SecondTicker {
  let value = env.now();
  let timer: unknown = null;
  const listeners = new Set<(now: number) => void>();

  const schedule = () => {
    const current = env.now();
    // A value older than a tick (the clock slept while hidden or unwatched) is refreshed at once;
    // otherwise land on the next whole second so every countdown flips with the wall clock.
    const stale = current - value >= TICK_MS;
    timer = env.setTimeout(tick, stale ? 0 : TICK_MS - (current % TICK_MS));
  };
  const stop = () => {
    if (timer !== null) env.clearTimeout(timer);
    timer = null;
  };
  const tick = () => {
    timer = null;
    value = env.now();
    for (const listener of [...listeners]) listener(value);
    if (listeners.size > 0 && env.isVisible()) schedule();
  };
  const onVisibilityChange = () => {
    if (!env.isVisible()) stop();
    else if (timer === null) schedule();
  };

  return {
    now: () => value,
    isTicking: () => timer !== null,
    subscribe(listener) {
      listeners.add(listener);
      if (listeners.size === 1) {
        env.visibilityTarget.addEventListener('visibilitychange', onVisibilityChange);
        if (env.isVisible() && timer === null) schedule();
      }
      return () => {
        if (!listeners.delete(listener) || listeners.size > 0) return;
        env.visibilityTarget.removeEventListener('visibilitychange', onVisibilityChange);
        stop();
      };
    },
  };
}

let pageTicker: SecondTicker | null = null;

/** The page's one ticker, created on first use from the global document and timers. */
export function pageSecondTicker(): SecondTicker {
  pageTicker ??= createSecondTicker({
    now: () => Date.now(),
    isVisible: () => document.visibilityState === 'visible',
    visibilityTarget: document,
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  });
  return pageTicker;
}
