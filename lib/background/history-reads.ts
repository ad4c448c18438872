import type { HelpdeskSystem } from '../engine/types';
import { HelpdeskError, type HelpdeskIo } from '../helpdesks/contract';
import type { UnavailableReason } from '../view-model/state';

/**
 * The background's reads of a ticket's full history for the rows a list page shows, when the
 * list read (Zendesk show_many) carries none and the stored history is older than the row.
 *
 * - Cached by version: a ticket whose history was read at this `updated_at` (or later) is not
 *   read again; the watched store is the lasting cache, this map covers the reads in between.
 * - At most `inFlight` reads run at once, over all tabs.
 * - Every HTTP request (history pages, retries) spends one token of the origin's budget: a
 *   bucket of `burst` tokens refilled at `perMinute`. Zendesk's limit is per account, and an
 *   account is one origin. A read waits (a timer) for a token; a retry's wait (429 Retry-After,
 *   back-off after a 5xx) pauses the origin; a Retry-After too long to wait in the read pauses
 *   the origin and queues the row again first.
 *
 * In memory only: a service worker that stops loses the queue, and the next list read asks
 * again. Clock and timers are injected so tests run it without waiting.
 */

export interface HistoryBudget {
  /** Requests that may be spent at once, e.g. opening one 100-row view. */
  burst: number;
  /** Sustained requests a minute per helpdesk origin. */
  perMinute: number;
  /** History reads running at the same time, over all origins. */
  inFlight: number;
}

/**
 * Zendesk Professional allows 400 requests a minute for the whole account. One agent's
 * extension spends at most 25 a minute on history (about 6 % of it), with one burst of 100 for
 * a view opened cold; the README states these figures.
 */
export const defaultHistoryBudget: HistoryBudget = { burst: 100, perMinute: 25, inFlight: 4 };

export interface HistoryJob {
  /** `${system}:${id}` */
  key: string;
  system: HelpdeskSystem;
  id: string;
  /** The page origin the row was read on (the store's origin). */
  origin: string;
  /** Where the REST API lives (origin, or origin plus a Data Center context path). */
  restBase: string;
  /** The row's version (Zendesk updated_at, Jira fields.updated), ISO. */
  version: string;
  /** The list read's body of this ticket (e.g. show_many's `ticket`), completed by the history read. */
  listRaw: Record<string, unknown>;
}

/** Reads one ticket's history with `io` and returns its full raw read (as a ticket page would send it). */
export type HistoryFetcher = (job: HistoryJob, io: HelpdeskIo) => Promise<Record<string, unknown>>;

export interface HistoryRead {
  job: HistoryJob;
  raw: Record<string, unknown>;
}

export interface HistoryReadsDeps {
  fetchers: Partial<Record<HelpdeskSystem, HistoryFetcher>>;
  fetch: typeof fetch;
  nowMs: () => number;
  /** Runs `callback` after `ms`; returns a cancel. */
  setTimer: (callback: () => void, ms: number) => () => void;
  budget?: HistoryBudget;
  /** Reads that finished, in batches (one store write for many rows). */
  onRead: (reads: HistoryRead[]) => Promise<void>;
  /** A read failed for good at this version (404, 403, …): its rows can be told so at once. */
  onUnavailable?: (job: HistoryJob) => Promise<void>;
  log: (text: string) => void;
}

export type HistoryStatus = 'queued' | 'reading' | 'read' | 'failed' | 'none';

export interface HistoryReads {
  /** Queues reads of these rows' histories, in order, skipping versions already read, queued or running. */
  request(jobs: readonly HistoryJob[]): void;
  status(key: string, version: string): HistoryStatus;
  /** Forgets that this ticket's history was read (the store let it go): the next row asks for it again. */
  forget(key: string): void;
  /** Why this version's history cannot be read, when asking again will not help; else null. */
  unavailable(key: string, version: string): UnavailableReason | null;
  /** Requests sent so far per origin (diagnostics, the scale script). */
  requestsSent(origin: string): number;
  /** Resolves once nothing is queued, running or waiting to be written (tests). */
  idle(): Promise<void>;
}

/** Failures that asking again at the same version will not fix. */
const PERMANENT: ReadonlySet<string> = new Set(['notFound', 'forbidden', 'unauthorized', 'malformed']);
/** A server error, time-out or network failure: the row's history is tried again after this. */
export const TRANSIENT_RETRY_MS = 60_000;

const newer = (a: string, b: string): boolean => Date.parse(a) >= Date.parse(b);

interface Bucket {
  tokens: number;
  atMs: number;
  pausedUntilMs: number;
  sent: number;
}

export function createHistoryReads(deps: HistoryReadsDeps): HistoryReads {
  const budget = deps.budget ?? defaultHistoryBudget;
  const queue: HistoryJob[] = [];
  const running = new Map<string, HistoryJob>();
  /** The newest version read per key; versions that failed, and when they may be tried again. */
  const read = new Map<string, string>();
  const failed = new Map<string, { version: string; retryAtMs: number; kind: string }>();
  const buckets = new Map<string, Bucket>();
  let pendingWrites: HistoryRead[] = [];
  let writing: Promise<void> | null = null;
  let cancelWait: (() => void) | null = null;
  let idleWaiters: Array<() => void> = [];
  const telling = new Set<Promise<void>>();

  function bucketOf(origin: string): Bucket {
    let bucket = buckets.get(origin);
    if (!bucket) {
      bucket = { tokens: budget.burst, atMs: deps.nowMs(), pausedUntilMs: Number.NEGATIVE_INFINITY, sent: 0 };
      buckets.set(origin, bucket);
    }
    const now = deps.nowMs();
    bucket.tokens = Math.min(budget.burst, bucket.tokens + ((now - bucket.atMs) * budget.perMinute) / 60_000);
    bucket.atMs = now;
    return bucket;
  }

  /** How long until `origin` may send one request (0: now). */
  function waitMs(origin: string): number {
    const bucket = bucketOf(origin);
    const paused = Math.max(0, bucket.pausedUntilMs - deps.nowMs());
    const refill = bucket.tokens >= 1 ? 0 : ((1 - bucket.tokens) * 60_000) / budget.perMinute;
    return Math.max(paused, Math.ceil(refill));
  }

  function spend(origin: string): void {
    const bucket = bucketOf(origin);
    bucket.tokens -= 1;
    bucket.sent += 1;
  }

  function status(key: string, version: string): HistoryStatus {
    const done = read.get(key);
    if (done !== undefined && newer(done, version)) return 'read';
    const active = running.get(key);
    if (active && newer(active.version, version)) return 'reading';
    if (queue.some((job) => job.key === key && newer(job.version, version))) return 'queued';
    const failure = failed.get(key);
    if (failure !== undefined && newer(failure.version, version)) return 'failed';
    return 'none';
  }

  function request(jobs: readonly HistoryJob[]): void {
    for (const job of jobs) {
      const now = status(job.key, job.version);
      if (now === 'read' || now === 'reading' || now === 'queued') continue;
      if (now === 'failed' && deps.nowMs() < (failed.get(job.key)?.retryAtMs ?? 0)) continue;
      // A newer version of a queued row replaces the older one in place.
      const at = queue.findIndex((queued) => queued.key === job.key);
      if (at >= 0) queue[at] = job;
      else queue.push(job);
    }
    pump();
  }

  function pump(): void {
    cancelWait?.();
    cancelWait = null;
    let soonest = Number.POSITIVE_INFINITY;
    for (let index = 0; index < queue.length && running.size < budget.inFlight; ) {
      const job = queue[index] as HistoryJob;
      if (running.has(job.key)) {
        index++;
        continue;
      }
      const wait = waitMs(job.origin);
      if (wait > 0) {
        soonest = Math.min(soonest, wait);
        index++;
        continue;
      }
      queue.splice(index, 1);
      start(job);
    }
    if (running.size < budget.inFlight && Number.isFinite(soonest)) {
      cancelWait = deps.setTimer(() => {
        cancelWait = null;
        pump();
      }, soonest);
    }
    settleIdle();
  }

  function start(job: HistoryJob): void {
    running.set(job.key, job);
    const fetcher = deps.fetchers[job.system];
    const io: HelpdeskIo = {
      origin: job.restBase,
      // Every request, retries and further pages included, is paid from the budget.
      fetch: (input, init) => {
        spend(job.origin);
        return deps.fetch(input, init);
      },
      now: () => new Date(deps.nowMs()),
      // A retry's wait (429 Retry-After, back-off after a 5xx) pauses the whole origin, not just this read.
      sleep: (ms) => {
        const bucket = bucketOf(job.origin);
        bucket.pausedUntilMs = Math.max(bucket.pausedUntilMs, deps.nowMs() + ms);
        return new Promise<void>((resolve) => deps.setTimer(resolve, ms));
      },
    };
    const work = fetcher ? fetcher(job, io) : Promise.reject(new Error(`no history reader for ${job.system}`));
    work.then(
      (raw) => {
        running.delete(job.key);
        read.set(job.key, job.version);
        failed.delete(job.key);
        pendingWrites.push({ job, raw });
        flushWrites();
        pump();
      },
      (error: unknown) => {
        running.delete(job.key);
        const kind = error instanceof HelpdeskError ? error.kind : 'unknown';
        if (kind === 'rateLimited') {
          // Asked to wait: pause the origin and read this row again first once it may.
          const retryAfterMs = error instanceof HelpdeskError && error.retryAfterMs !== undefined ? error.retryAfterMs : 60_000;
          bucketOf(job.origin).pausedUntilMs = deps.nowMs() + retryAfterMs;
          queue.unshift(job);
        } else {
          // A ticket gone or not readable is not asked again at this version; a slow or failing server after a while.
          const retryAtMs = PERMANENT.has(kind) ? Number.POSITIVE_INFINITY : deps.nowMs() + TRANSIENT_RETRY_MS;
          failed.set(job.key, { version: job.version, retryAtMs, kind });
          if (PERMANENT.has(kind) && deps.onUnavailable) tell(deps.onUnavailable(job));
        }
        deps.log(`history of ${job.key} not read (${kind}): ${error instanceof Error ? error.message : String(error)}`);
        pump();
      },
    );
  }

  /** One write at a time; reads that finish meanwhile go into the next write together. */
  function flushWrites(): void {
    if (writing || pendingWrites.length === 0) return;
    const batch = pendingWrites;
    pendingWrites = [];
    writing = deps
      .onRead(batch)
      .catch((error: unknown) => deps.log(`storing ${batch.length} history reads failed: ${String(error)}`))
      .finally(() => {
        writing = null;
        flushWrites();
        settleIdle();
      });
  }

  /** Telling the tabs a history is unavailable: idle waits for it like for a write. */
  function tell(notice: Promise<void>): void {
    const settled = notice
      .catch((error: unknown) => deps.log(`telling the tabs failed: ${String(error)}`))
      .finally(() => {
        telling.delete(settled);
        settleIdle();
      });
    telling.add(settled);
  }

  function settleIdle(): void {
    if (queue.length > 0 || running.size > 0 || writing || pendingWrites.length > 0 || telling.size > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const done of waiters) done();
  }

  function unavailable(key: string, version: string): UnavailableReason | null {
    const failure = failed.get(key);
    if (status(key, version) !== 'failed' || !failure || !PERMANENT.has(failure.kind)) return null;
    return failure.kind === 'notFound' || failure.kind === 'forbidden' ? failure.kind : 'unreadable';
  }

  return {
    request,
    status,
    unavailable,
    forget: (key) => {
      read.delete(key);
    },
    requestsSent: (origin) => buckets.get(origin)?.sent ?? 0,
    idle: () =>
      new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        settleIdle();
      }),
  };
}
