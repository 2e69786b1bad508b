import { z } from 'zod';
import type { Locale } from '.';

const zodLocales: Readonly<Record<Locale, typeof z.locales.fr>> = { fr: z.locales.fr, en: z.locales.en };

/**
 * zod's own messages (a number expected, a value too short), which the forms show on their fields
 * when a shared schema checks them, in the UI's language. Only the messages change: the `jitless`
 * setting of `zod-csp.ts` stays, since zod merges its configuration.
 */
export function applyZodLocale(locale: Locale): void {
  z.config(zodLocales[locale]());
}
