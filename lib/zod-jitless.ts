import { z } from 'zod';

/**
 * zod 4 compiles a fast parser per object schema with `new Function` when eval is allowed. An
 * extension page's content security policy forbids eval (zod then falls back, after a failed
 * probe), and no code built from strings belongs in the extension at all: parsing stays
 * interpreted. Each entrypoint imports this module first, before any schema is defined —
 * zod decides per schema, when the schema is created.
 */
z.config({ jitless: true });
