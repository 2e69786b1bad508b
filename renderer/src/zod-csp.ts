import { z } from 'zod';

/**
 * Zod 4 compiles object parsers with `new Function` unless told not to, and probes for it as soon as
 * a schema is built. Under our CSP (no 'unsafe-eval') the probe is caught but still reported as a
 * violation in the console, so this module must run before any schema of shared/ is built: main.ts
 * imports it first.
 */
z.config({ jitless: true });
