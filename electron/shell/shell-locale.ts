/** The shell's own words (menu, save dialog) come in the product's two languages. */
export type ShellLocale = 'fr' | 'en';

/** `app.getLocale()` → French for fr, fr-FR, fr-CA…; English for every other language. */
export const shellLocale = (appLocale: string): ShellLocale => (/^fr(?:[-_]|$)/i.test(appLocale) ? 'fr' : 'en');
