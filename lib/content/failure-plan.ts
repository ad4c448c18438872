import { HelpdeskError } from '../helpdesks/contract';

/** The quiet badges a ticket shows when it cannot show its state. */
export type ErrorBadgeKind = 'signIn' | 'unreadable' | 'unavailable';

/**
 * What to do when the helpdesk API could not give us a ticket (the helpdesk layer has already
 * retried quickly). Decided here, in one table, so every helpdesk behaves the same way.
 */
export interface FailurePlan {
  /** Read what the page shows ("from the page, without history") while the API is out. */
  tryPage: boolean;
  /** Badge when there is nothing else to show; null shows nothing at all. */
  badge: ErrorBadgeKind | null;
  /** Ask the API again after this long; null: only on the next natural trigger (focus, route). */
  retryInMs: number | null;
}

/** Slow retries on top of the helpdesk layer's quick ones: 30 s, 2 min, 8 min, then stop. */
export const SLOW_RETRIES = 3;
const SLOW_RETRY_BASE_MS = 30_000;
const DEFAULT_RATE_LIMIT_WAIT_MS = 60_000;

export function slowRetryDelayMs(attempt: number): number | null {
  return attempt < SLOW_RETRIES ? SLOW_RETRY_BASE_MS * 4 ** attempt : null;
}

/** Anything thrown that is not a HelpdeskError is a bug in reading the body: treat it as malformed. */
export function asHelpdeskError(error: unknown): HelpdeskError {
  if (error instanceof HelpdeskError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new HelpdeskError('malformed', detail);
}

export function planAfterFailure(error: HelpdeskError, attempt: number): FailurePlan {
  switch (error.kind) {
    case 'unauthorized':
    case 'forbidden':
      return { tryPage: false, badge: 'signIn', retryInMs: null };
    case 'notFound':
      return { tryPage: false, badge: null, retryInMs: null };
    case 'rateLimited':
      return { tryPage: true, badge: 'unavailable', retryInMs: error.retryAfterMs ?? DEFAULT_RATE_LIMIT_WAIT_MS };
    case 'server':
    case 'timeout':
    case 'network':
      return { tryPage: true, badge: 'unavailable', retryInMs: slowRetryDelayMs(attempt) };
    case 'malformed':
      return { tryPage: true, badge: 'unreadable', retryInMs: null };
  }
}
