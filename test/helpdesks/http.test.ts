import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { HelpdeskError, type HelpdeskIo } from '../../lib/helpdesks/contract';
import { getJson, parseOrMalformed, parseRetryAfter, retryDelayMs, sendJson } from '../../lib/helpdesks/http';

const origin = 'https://acme.zendesk.com';

type Reply = Response | Error | 'hang';

/** A fetch that answers with the queued replies in order and records every call. */
function fakeIo(replies: Reply[], extra: Partial<HelpdeskIo> = {}) {
  const calls: Array<{ url: string; init: RequestInit | undefined }> = [];
  const sleeps: number[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    calls.push({ url: String(input), init });
    const reply = replies.shift();
    if (reply === undefined) throw new Error('test fetch: no reply queued');
    if (reply === 'hang') {
      return new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      });
    }
    if (reply instanceof Error) throw reply;
    return reply;
  });
  const io: HelpdeskIo = {
    fetch,
    origin,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    now: () => new Date('2026-07-14T10:00:00Z'),
    ...extra,
  };
  return { io, calls, sleeps };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

async function failure(promise: Promise<unknown>): Promise<HelpdeskError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HelpdeskError) return error;
    throw error;
  }
  throw new Error('expected a HelpdeskError, the request succeeded');
}

describe('getJson', () => {
  it('sends the session cookie and asks for JSON', async () => {
    const { io, calls } = fakeIo([json({ ok: true })]);
    await expect(getJson('/api/v2/tickets/1.json', io)).resolves.toEqual({ ok: true });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe(`${origin}/api/v2/tickets/1.json`);
    expect(calls[0]?.init?.credentials).toBe('include');
    expect(calls[0]?.init?.method).toBe('GET');
    expect(new Headers(calls[0]?.init?.headers).get('accept')).toBe('application/json');
  });

  it('retries a 500 and returns the later success', async () => {
    const { io, calls, sleeps } = fakeIo([json({}, 500), json({}, 503), json({ ticket: 1 })]);
    await expect(getJson('/api/v2/tickets/1.json', io, { retries: 2 })).resolves.toEqual({ ticket: 1 });
    expect(calls).toHaveLength(3);
    expect(sleeps).toEqual([retryDelayMs(0, new HelpdeskError('server', ''), () => 0.5), retryDelayMs(1, new HelpdeskError('server', ''), () => 0.5)]);
  });

  it('reports the last 5xx once the retries are used up', async () => {
    const { io, calls } = fakeIo([json({}, 502), json({}, 502)]);
    const error = await failure(getJson('/x.json', io, { retries: 1 }));
    expect(error.kind).toBe('server');
    expect(error.status).toBe(502);
    expect(calls).toHaveLength(2);
  });

  it.each([
    ['Retry-After in seconds', '7', 7_000],
    ['Retry-After as an HTTP date', 'Tue, 14 Jul 2026 10:00:30 GMT', 30_000],
  ])('honours %s before retrying a 429', async (_name, header, expectedMs) => {
    const { io, sleeps } = fakeIo([json({}, 429, { 'Retry-After': header }), json({ ok: 1 })]);
    await expect(getJson('/x.json', io)).resolves.toEqual({ ok: 1 });
    expect(sleeps).toEqual([expectedMs]);
  });

  it('gives a 429 with a long Retry-After to the caller instead of waiting', async () => {
    const { io, sleeps, calls } = fakeIo([json({}, 429, { 'Retry-After': '600' })]);
    const error = await failure(getJson('/x.json', io, { maxRetryAfterMs: 60_000 }));
    expect(error.kind).toBe('rateLimited');
    expect(error.retryAfterMs).toBe(600_000);
    expect(sleeps).toEqual([]);
    expect(calls).toHaveLength(1);
  });

  it.each([
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'notFound'],
    [400, 'malformed'],
  ] as const)('maps HTTP %i to %s without retrying', async (status, kind) => {
    const { io, calls } = fakeIo([json({ error: 'x' }, status), json({})]);
    const error = await failure(getJson('/x.json', io, { retries: 3 }));
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
    expect(calls).toHaveLength(1);
  });

  it('turns an unanswered request into a timeout, retried then reported', async () => {
    const { io, calls } = fakeIo(['hang', 'hang']);
    const error = await failure(getJson('/x.json', io, { timeoutMs: 1, retries: 1 }));
    expect(error.kind).toBe('timeout');
    expect(calls).toHaveLength(2);
  });

  it('maps a failed fetch to a network error and retries it', async () => {
    const { io, calls } = fakeIo([new TypeError('Failed to fetch'), json({ ok: 1 })]);
    await expect(getJson('/x.json', io)).resolves.toEqual({ ok: 1 });
    expect(calls).toHaveLength(2);
  });

  it('reports a network error after the last retry with its cause', async () => {
    const { io } = fakeIo([new TypeError('Failed to fetch')]);
    const error = await failure(getJson('/x.json', io, { retries: 0 }));
    expect(error.kind).toBe('network');
    expect(error.message).toContain('Failed to fetch');
  });

  it('calls a non-JSON body (a sign-in page) malformed', async () => {
    const html = new Response('<html>Sign in</html>', { status: 200, headers: { 'Content-Type': 'text/html' } });
    const { io } = fakeIo([html]);
    const error = await failure(getJson('/x.json', io));
    expect(error.kind).toBe('malformed');
    expect(error.message).toContain('text/html');
  });

  it('names the path of a body that does not match the schema (parsed by the background, not by getJson)', async () => {
    const schema = z.object({ ticket: z.object({ id: z.number() }) });
    const { io } = fakeIo([json({ ticket: { id: 'seven' } })]);
    const body = await getJson('/api/v2/tickets/7.json', io);
    const error = await failure(Promise.resolve().then(() => parseOrMalformed(schema, body, 'ticket body')));
    expect(error.kind).toBe('malformed');
    expect(error.message).toMatch(/ticket body\.ticket\.id/);
  });

  it.each([
    ['another host', 'https://evil.example.com/api/v2/tickets/1.json'],
    ['another scheme', 'http://acme.zendesk.com/api/v2/tickets/1.json'],
    ['a protocol-relative URL', '//evil.example.com/x.json'],
  ])('refuses %s', async (_name, url) => {
    const { io, calls } = fakeIo([json({})]);
    await expect(getJson(url, io)).rejects.toThrow(/refusing/);
    expect(calls).toHaveLength(0);
  });

  it('hands back the caller’s abort instead of retrying', async () => {
    const controller = new AbortController();
    const { io, calls } = fakeIo(['hang', json({})], { signal: controller.signal });
    const pending = getJson('/x.json', io, { timeoutMs: 60_000 });
    controller.abort(new DOMException('tab closed', 'AbortError'));
    await expect(pending).rejects.toThrow('tab closed');
    expect(calls).toHaveLength(1);
  });
});

describe('sendJson', () => {
  it('sends the body with the caller’s headers and never retries', async () => {
    const { io, calls } = fakeIo([json({}, 500), json({})]);
    const error = await failure(
      sendJson('PUT', '/api/v2/tickets/1.json', { ticket: { comment: { body: 'x' } } }, io, { 'X-CSRF-Token': 't0k' }),
    );
    expect(error.kind).toBe('server');
    expect(calls).toHaveLength(1);
    const headers = new Headers(calls[0]?.init?.headers);
    expect(headers.get('x-csrf-token')).toBe('t0k');
    expect(headers.get('content-type')).toBe('application/json');
    expect(calls[0]?.init?.method).toBe('PUT');
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual({ ticket: { comment: { body: 'x' } } });
  });

  it('returns the parsed answer', async () => {
    const { io } = fakeIo([json({ ticket: { id: 1 } })]);
    await expect(sendJson('PUT', '/api/v2/tickets/1.json', {}, io)).resolves.toEqual({ ticket: { id: 1 } });
  });

  it('refuses another origin', async () => {
    const { io, calls } = fakeIo([json({})]);
    await expect(sendJson('POST', 'https://evil.example.com/x', {}, io)).rejects.toThrow(/refusing/);
    expect(calls).toHaveLength(0);
  });
});

describe('retryDelayMs', () => {
  const server = new HelpdeskError('server', '');
  it('doubles the backoff ceiling with each attempt (equal jitter: between half and all of it)', () => {
    expect([0, 1, 2, 3].map((attempt) => retryDelayMs(attempt, server, () => 0))).toEqual([250, 500, 1000, 2000]);
    expect([0, 1, 2, 3].map((attempt) => retryDelayMs(attempt, server, () => 0.999999))).toEqual([500, 1000, 2000, 4000]);
  });

  it('caps the backoff at 30 s', () => {
    expect(retryDelayMs(20, server, () => 0.999999)).toBe(30_000);
  });

  it('waits exactly the Retry-After of a 429', () => {
    expect(retryDelayMs(0, new HelpdeskError('rateLimited', '', 429, 12_000), () => 0.3)).toBe(12_000);
  });

  it.each(['unauthorized', 'forbidden', 'notFound', 'malformed'] as const)('does not retry %s', (kind) => {
    expect(retryDelayMs(0, new HelpdeskError(kind, ''), () => 0.5)).toBeNull();
  });
});

describe('parseRetryAfter', () => {
  const now = new Date('2026-07-14T10:00:00Z');
  it.each([
    ['delta seconds', '120', 120_000],
    ['an HTTP date', 'Tue, 14 Jul 2026 10:01:00 GMT', 60_000],
    ['an HTTP date in the past', 'Tue, 14 Jul 2026 09:00:00 GMT', 0],
  ])('reads %s', (_name, value, ms) => {
    expect(parseRetryAfter(value, now)).toBe(ms);
  });

  it.each([null, 'soon', ''])('ignores a missing or unreadable header (%s)', (value) => {
    expect(parseRetryAfter(value, now)).toBeUndefined();
  });
});
