import type { z } from 'zod';
import { HelpdeskError, type HelpdeskErrorKind, type HelpdeskIo } from './contract';

/**
 * Same-origin JSON requests to a helpdesk with the agent's own session.
 *
 * Every failure becomes a HelpdeskError whose kind decides the badge and whether to retry;
 * nothing is swallowed. Only URLs on `io.origin` are ever requested, so a hostile or broken
 * `next_page` link cannot send the agent's cookies anywhere else.
 */

export interface GetJsonOptions {
  /** Per attempt. */
  timeoutMs?: number;
  /** Extra attempts after the first, for 429, 5xx, time-outs and network errors. */
  retries?: number;
  /** A Retry-After longer than this is not waited for: the error goes to the caller, who can schedule. */
  maxRetryAfterMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_RETRIES = 2;
export const DEFAULT_MAX_RETRY_AFTER_MS = 60_000;
const BACKOFF_BASE_MS = 500;
const BACKOFF_CAP_MS = 30_000;

const RETRYABLE: ReadonlySet<HelpdeskErrorKind> = new Set(['rateLimited', 'server', 'timeout', 'network']);

/**
 * How long to wait before retry number `attempt` (0 = the first retry), or null when the error
 * must not be retried. 429 waits exactly what the server asked; the rest back off exponentially
 * with "equal jitter" (half fixed, half random) so many tabs do not retry in lockstep.
 */
export function retryDelayMs(attempt: number, error: HelpdeskError, random: () => number): number | null {
  if (!RETRYABLE.has(error.kind)) return null;
  if (error.kind === 'rateLimited' && error.retryAfterMs !== undefined) return error.retryAfterMs;
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** `Retry-After` is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now: Date): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now.getTime());
}

/** "ticket.custom_fields[0].id: expected a number" — one line per issue. */
export function describeSchemaError(error: z.ZodError, root?: string): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.reduce<string>(
        (text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)),
        root ?? '',
      );
      return `${path || '(body)'}: ${issue.message}`;
    })
    .join('; ');
}

/** Parses data that crossed a boundary; a mismatch is HelpdeskError('malformed') naming the path under `root`. */
export function parseOrMalformed<T>(schema: z.ZodType<T>, value: unknown, root?: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new HelpdeskError('malformed', describeSchemaError(result.error, root));
  return result.data;
}

export function sameOriginUrl(url: string, io: Pick<HelpdeskIo, 'origin'>): URL {
  const origin = new URL(io.origin).origin;
  const resolved = new URL(url, origin);
  if (resolved.origin !== origin) {
    throw new HelpdeskError('malformed', `refusing to request ${resolved.origin}: only ${origin} is allowed`);
  }
  return resolved;
}

/**
 * The body as JSON, unparsed: pages carry no zod, and the background parses bodies with
 * parseOrMalformed (keeping the schema code out of the content scripts' budget).
 */
export async function getJson<T = unknown>(url: string, io: HelpdeskIo, options: GetJsonOptions = {}): Promise<T> {
  const target = sameOriginUrl(url, io);
  const retries = options.retries ?? DEFAULT_RETRIES;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS;
  const random = io.random ?? Math.random;
  const sleep = io.sleep ?? sleepFor;
  for (let attempt = 0; ; attempt++) {
    try {
      const body = await requestOnce('GET', target, io, { timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS });
      return body as T;
    } catch (error) {
      if (!(error instanceof HelpdeskError) || attempt >= retries) throw error;
      const delay = retryDelayMs(attempt, error, random);
      if (delay === null || delay > maxRetryAfterMs) throw error;
      await sleep(delay, io.signal);
    }
  }
}

/**
 * A write (POST/PUT). Never retried: a time-out or 5xx may still have applied it, and a
 * duplicated internal note is worse than a reported error. CSRF headers come from the caller.
 */
export async function sendJson(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  body: unknown,
  io: HelpdeskIo,
  headers: Record<string, string> = {},
  options: { timeoutMs?: number } = {},
): Promise<unknown> {
  const target = sameOriginUrl(url, io);
  return requestOnce(method, target, io, { body, headers, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS });
}

interface RequestInitParts {
  body?: unknown;
  headers?: Record<string, string>;
  timeoutMs: number;
}

class TimeoutSignal extends Error {}

async function requestOnce(method: string, url: URL, io: HelpdeskIo, parts: RequestInitParts): Promise<unknown> {
  io.signal?.throwIfAborted();
  const controller = new AbortController();
  const timeoutReason = new TimeoutSignal();
  const timer = setTimeout(() => controller.abort(timeoutReason), parts.timeoutMs);
  const forwardAbort = () => controller.abort(io.signal?.reason);
  io.signal?.addEventListener('abort', forwardAbort, { once: true });
  const headers: Record<string, string> = { Accept: 'application/json', ...parts.headers };
  if (parts.body !== undefined) headers['Content-Type'] = 'application/json';
  try {
    let response: Response;
    try {
      response = await io.fetch(url.href, {
        method,
        headers,
        // 'include' rather than 'same-origin': Firefox content scripts fetch with the extension's
        // principal, where only 'include' sends the helpdesk cookies. We only ever call io.origin.
        credentials: 'include',
        body: parts.body === undefined ? undefined : JSON.stringify(parts.body),
        signal: controller.signal,
      });
    } catch (error) {
      throw fetchFailure(error, controller.signal, timeoutReason, url, parts.timeoutMs, io.signal);
    }
    if (!response.ok) throw statusFailure(response, url, io.now?.() ?? new Date());
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw fetchFailure(error, controller.signal, timeoutReason, url, parts.timeoutMs, io.signal);
    }
    if (text.trim() === '' && method !== 'GET') return null;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      const type = response.headers.get('content-type') ?? 'no content type';
      throw new HelpdeskError('malformed', `${url.pathname}: expected a JSON body, got ${type}`, response.status);
    }
  } finally {
    clearTimeout(timer);
    io.signal?.removeEventListener('abort', forwardAbort);
  }
}

function fetchFailure(
  error: unknown,
  signal: AbortSignal,
  timeoutReason: TimeoutSignal,
  url: URL,
  timeoutMs: number,
  callerSignal: AbortSignal | undefined,
): unknown {
  // The caller cancelled (the tab moved on): hand its own reason back, as fetch would.
  if (callerSignal?.aborted) return callerSignal.reason;
  if (signal.aborted && signal.reason === timeoutReason) {
    return new HelpdeskError('timeout', `${url.pathname}: no answer within ${timeoutMs} ms`);
  }
  if (error instanceof HelpdeskError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new HelpdeskError('network', `${url.pathname}: ${detail}`);
}

function statusFailure(response: Response, url: URL, now: Date): HelpdeskError {
  const { status } = response;
  const where = `${url.pathname}: HTTP ${status}`;
  if (status === 401) return new HelpdeskError('unauthorized', `${where}, the agent is not signed in`, status);
  if (status === 403) return new HelpdeskError('forbidden', `${where}, the agent may not see this`, status);
  if (status === 404) return new HelpdeskError('notFound', where, status);
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now);
    return new HelpdeskError('rateLimited', `${where}, rate limited`, status, retryAfterMs);
  }
  if (status >= 500) return new HelpdeskError('server', where, status);
  // Other 4xx (400, 409, 422): the request or body was not acceptable.
  return new HelpdeskError('malformed', where, status);
}

function sleepFor(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
