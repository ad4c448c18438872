import { signal, type ReadonlySignal } from '@preact/signals';
import { createSecondTicker, type ClockEnvironment } from './second-ticker';

/**
 * The shared clock as a signal, for the popup: a countdown that reads `now` re-renders only its
 * text. It ticks through the signal-free second ticker (second-ticker.ts), so the rules — whole
 * seconds, only while watched and visible — are written once.
 */

export type { ClockEnvironment } from './second-ticker';

export interface SharedClock {
  /** Milliseconds since the epoch, updated on whole seconds while watched and visible. */
  readonly now: ReadonlySignal<number>;
  /** Whether a tick is scheduled; for tests and diagnostics. */
  readonly isTicking: () => boolean;
}

export function createSharedClock(env: ClockEnvironment): SharedClock {
  const ticker = createSecondTicker(env);
  let unsubscribe: (() => void) | null = null;
  const now = signal(ticker.now(), {
    watched() {
      // Subscribing only schedules a tick: nothing is written while a subscriber is being added.
      unsubscribe = ticker.subscribe((at) => {
        now.value = at;
      });
    },
    unwatched() {
      unsubscribe?.();
      unsubscribe = null;
    },
  });
  return { now, isTicking: ticker.isTicking };
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
