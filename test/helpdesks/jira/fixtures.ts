import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Reads a saved Jira body or page from test/fixtures/jira (vitest runs from the project root). */
export function jiraFixture(name: string): string {
  // Not import.meta.url: under happy-dom it is an http: URL.
  return readFileSync(resolve(process.cwd(), 'test/fixtures/jira', name), 'utf8');
}

export function jiraJson(name: string): Record<string, unknown> {
  return JSON.parse(jiraFixture(name)) as Record<string, unknown>;
}

/** Marks a path for deletion in `changed`. */
export const REMOVE = Symbol('remove');

/**
 * A deep copy of `json` with values set (or removed) at dotted paths such as
 * `fields.comment.comments.2.created`: one rule per test, on top of a realistic body.
 */
export function changed(json: Record<string, unknown>, changes: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(json);
  for (const [path, value] of Object.entries(changes)) {
    const keys = path.split('.');
    const last = keys.pop();
    let node: unknown = copy;
    for (const key of keys) node = (node as Record<string, unknown>)[key];
    if (typeof node !== 'object' || node === null || last === undefined) throw new Error(`no object at ${path}`);
    const parent = node as Record<string, unknown>;
    if (value === REMOVE) delete parent[last];
    else parent[last] = value;
  }
  return copy;
}
