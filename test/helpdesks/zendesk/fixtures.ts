import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Saved Zendesk API bodies and pages (test/fixtures/zendesk), read fresh for every test. */
// Not `new URL(…, import.meta.url)`: under happy-dom the global URL is the DOM's, not Node's.
const dir = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/zendesk/');

export function fixtureText(name: string): string {
  return readFileSync(`${dir}${name}`, 'utf8');
}

/** A parsed JSON fixture; mutable plain data, so a test can break one field of its own copy. */
export function fixtureJson(name: string): Record<string, unknown> {
  return JSON.parse(fixtureText(name)) as Record<string, unknown>;
}

export function arrayAt(body: Record<string, unknown>, key: string): Record<string, unknown>[] {
  const value = body[key];
  if (!Array.isArray(value)) throw new Error(`fixture: ${key} is not an array`);
  return value as Record<string, unknown>[];
}

export function objectAt(body: Record<string, unknown>, key: string): Record<string, unknown> {
  const value = body[key];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`fixture: ${key} is not an object`);
  return value as Record<string, unknown>;
}

/** The ticket 35436 story: ticket (with its organisation sideload), both audit pages merged, users from both pages. */
export function ticket35436() {
  const ticketBody = fixtureJson('ticket-35436.json');
  const page1 = fixtureJson('audits-35436-page1.json');
  const page2 = fixtureJson('audits-35436-page2.json');
  const users = new Map<unknown, Record<string, unknown>>();
  for (const user of [...arrayAt(page1, 'users'), ...arrayAt(page2, 'users')]) users.set(user.id, user);
  return {
    ticket: objectAt(ticketBody, 'ticket'),
    audits: [...arrayAt(page1, 'audits'), ...arrayAt(page2, 'audits')],
    users: [...users.values()],
    organizations: arrayAt(ticketBody, 'organizations'),
  };
}
