import { parsePolicy, PolicyError, type PolicyIssue } from '../../../lib/policy';
import type { Policy } from '../../../lib/policy/schema';

/**
 * The policy editor works on a draft: edits never touch storage, and the draft is only saved
 * when `parsePolicy` accepts all of it. Drafts may hold what the schema rejects (an emptied
 * number, an unknown role); the issues say where.
 */

export type DraftPath = ReadonlyArray<string | number>;

type Container = Record<string, unknown> | unknown[];

const isContainer = (value: unknown): value is Container => typeof value === 'object' && value !== null;

function copyOf(value: Container): Container {
  return Array.isArray(value) ? [...value] : { ...value };
}

/** A copy of `root` with `value` at `path`; containers on the way are copied, the rest shared. */
export function setIn<T>(root: T, path: DraftPath, value: unknown): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path as [string | number, ...Array<string | number>];
  const container: Container = isContainer(root) ? copyOf(root) : typeof head === 'number' ? [] : {};
  const current = (container as Record<string | number, unknown>)[head];
  (container as Record<string | number, unknown>)[head] = setIn(current, rest, value);
  return container as T;
}

/** A copy of `root` without what is at `path` (an array element is spliced out). */
export function removeIn<T>(root: T, path: DraftPath): T {
  if (path.length === 0 || !isContainer(root)) return root;
  const [head, ...rest] = path as [string | number, ...Array<string | number>];
  const container = copyOf(root);
  if (rest.length === 0) {
    if (Array.isArray(container) && typeof head === 'number') container.splice(head, 1);
    else delete (container as Record<string, unknown>)[String(head)];
    return container as T;
  }
  (container as Record<string | number, unknown>)[head] = removeIn((container as Record<string | number, unknown>)[head], rest);
  return container as T;
}

/** Every problem `parsePolicy` finds in the draft; empty when it would be accepted. */
export function draftIssues(draft: unknown): PolicyIssue[] {
  try {
    parsePolicy(draft);
    return [];
  } catch (error) {
    if (error instanceof PolicyError) return error.issues;
    return [{ path: '', message: error instanceof Error ? error.message : String(error) }];
  }
}

export function sameDraft(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A deep, editable copy (the default policy is frozen). */
export function editableCopy(policy: Policy): Policy {
  return structuredClone(policy);
}

/** What is at `path` in the draft (undefined when nothing is). */
export function getIn(root: unknown, path: DraftPath): unknown {
  let current: unknown = root;
  for (const segment of path) {
    if (!isContainer(current)) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}
