import { vi } from 'vitest';
import type { HelpdeskIo } from '../../../lib/helpdesks/contract';

/**
 * A fake Jira for API tests: answers by path and query (requests run in parallel, so order
 * cannot be relied on) and records every request. An unexpected request fails the test.
 */

export interface Route {
  method?: string;
  path: string;
  /** Every listed parameter must be present with this value. */
  query?: Record<string, string>;
  reply: () => Response;
}

export interface Recorded {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
}

export const jsonReply = (body: unknown, status = 200) => () =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

export function fakeJira(origin: string, routes: Route[]) {
  const requests: Recorded[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input));
    const method = init?.method ?? 'GET';
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    requests.push({ method, url, headers: new Headers(init?.headers), body });
    const route = routes.find(
      (r) =>
        (r.method ?? 'GET') === method &&
        r.path === url.pathname &&
        Object.entries(r.query ?? {}).every(([name, value]) => url.searchParams.get(name) === value),
    );
    if (!route) throw new Error(`fake Jira: unexpected ${method} ${url.pathname}${url.search}`);
    return route.reply();
  });
  const io: HelpdeskIo = { fetch, origin, sleep: async () => {}, random: () => 0.5, now: () => new Date('2026-07-14T16:00:00Z') };
  return { io, requests };
}
