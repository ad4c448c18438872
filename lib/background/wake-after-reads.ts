/**
 * The wake that follows a view's history reads, held back until the rows have had their answers.
 *
 * Storing a read tells the view's tabs, which ask for their rows again at once; a wake started at
 * the same moment (an evaluation of every watched ticket, notifications, perhaps a store write)
 * would take the background's one thread from those answers. The newly watched tickets reach the
 * toolbar badge, alarms and notifications `delayMs` after the last read was stored instead (reads
 * that keep coming push it back, never more than `maxDelayMs` after the first).
 */

export const WAKE_AFTER_READS_MS = 1_500;
export const WAKE_AFTER_READS_MAX_MS = 10_000;

export interface WakeAfterReads {
  /** A batch of reads was stored: wake once the rows had time to ask again. */
  readsStored(): void;
  /** Runs a held-back wake now, if any, and resolves when it ran (tests, the scale script). */
  flush(): Promise<void>;
}

export function createWakeAfterReads(deps: {
  wake: () => Promise<unknown>;
  nowMs: () => number;
  setTimer: (callback: () => void, ms: number) => () => void;
  log: (text: string, error: unknown) => void;
  delayMs?: number;
  maxDelayMs?: number;
}): WakeAfterReads {
  const delayMs = deps.delayMs ?? WAKE_AFTER_READS_MS;
  const maxDelayMs = deps.maxDelayMs ?? WAKE_AFTER_READS_MAX_MS;
  let pending: { since: number; cancel: () => void } | null = null;

  function run(): Promise<void> {
    pending?.cancel();
    pending = null;
    return deps.wake().then(
      () => undefined,
      (error: unknown) => deps.log('wake after history reads failed', error),
    );
  }

  return {
    readsStored() {
      const now = deps.nowMs();
      const since = pending?.since ?? now;
      pending?.cancel();
      const wait = Math.max(0, Math.min(delayMs, since + maxDelayMs - now));
      pending = { since, cancel: deps.setTimer(() => void run(), wait) };
    },
    flush: () => (pending ? run() : Promise.resolve()),
  };
}
