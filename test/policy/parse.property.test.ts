import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePolicy, PolicyError } from '../../lib/policy/parse';
import sample from '../fixtures/policy.sample.json';

/** Runs parsePolicy and reports how it ended, so a crash (TypeError…) is told apart from a rejection. */
function outcome(input: unknown): 'accepted' | 'rejected' {
  try {
    parsePolicy(input);
    return 'accepted';
  } catch (error) {
    if (error instanceof PolicyError && error.issues.length > 0) return 'rejected';
    throw error;
  }
}

/** Every [path, container] in a JSON value, so a property can damage the sample at any depth. */
function locations(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  if (typeof value !== 'object' || value === null) return [path];
  const children = Object.entries(value).flatMap(([key, child]) =>
    locations(child, [...path, Array.isArray(value) ? Number(key) : key]),
  );
  return [path, ...children];
}

function replaced(root: unknown, path: Array<string | number>, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let parent: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (replacement === undefined) delete parent[last];
  else parent[last] = replacement;
  return copy;
}

const samplePaths = locations(sample);

describe('parsePolicy on arbitrary input', () => {
  it('rejects with a PolicyError, never crashes, on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        expect(outcome(json)).toBe('rejected');
      }),
    );
  });

  it('rejects with a PolicyError, never crashes, when any part of the sample is replaced or removed', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...samplePaths),
        fc.oneof(fc.constant(undefined), fc.jsonValue({ maxDepth: 2 })),
        (path, replacement) => {
          expect(['accepted', 'rejected']).toContain(outcome(replaced(sample, path, replacement)));
        },
      ),
      { numRuns: 300 },
    );
  }, 60_000);
});
