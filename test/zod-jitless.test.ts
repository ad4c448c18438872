import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import '../lib/zod-jitless';
import { z } from 'zod';

/** Issue 12, item 5: no schema is compiled with `new Function`. */

const realFunction = globalThis.Function;
afterEach(() => {
  globalThis.Function = realFunction;
});

describe('zod runs jitless', () => {
  it('parses an object schema without building code from strings', () => {
    // zod probes once whether eval is allowed (here it is); only then does it compile parsers.
    z.object({ warm: z.string() }).parse({ warm: 'up' });
    const schema = z.object({ a: z.string(), b: z.number(), c: z.object({ d: z.boolean() }) });
    globalThis.Function = new Proxy(realFunction, {
      construct() {
        throw new EvalError('code built from strings');
      },
      apply() {
        throw new EvalError('code built from strings');
      },
    });
    for (let i = 0; i < 3; i++) expect(schema.parse({ a: 'x', b: i, c: { d: true } })).toEqual({ a: 'x', b: i, c: { d: true } });
    expect(z.config().jitless).toBe(true);
  });

  it.each(['entrypoints/background.ts', 'entrypoints/options/main.tsx', 'entrypoints/popup/main.tsx'])(
    '%s sets it before importing anything else',
    (file) => {
      const firstImport = readFileSync(file, 'utf8')
        .split('\n')
        .find((line) => line.startsWith('import '));
      expect(firstImport).toMatch(/^import '@\/lib\/zod-jitless';/);
    },
  );
});
