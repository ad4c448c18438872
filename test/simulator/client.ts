import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { fileURLToPath } from 'node:url';

/** A Node client for the simulator that trusts its certificate and sends the helpdesk host. */
const ca = readFileSync(fileURLToPath(new URL('./tls/cert.pem', import.meta.url)));

export interface SimResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json<T = unknown>(): T;
}

export function simRequest(port: number, host: string, path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<SimResponse> {
  const payload = init.body === undefined ? undefined : JSON.stringify(init.body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: init.method ?? 'GET',
        ca,
        servername: host,
        headers: { Host: host, ...(payload ? { 'Content-Type': 'application/json' } : {}), ...init.headers },
      },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json: <T>() => JSON.parse(body) as T }));
      },
    );
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}
