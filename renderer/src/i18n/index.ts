import { createI18n } from 'vue-i18n';
import { en } from './en';
import { fr, type MessageSchema } from './fr';
import { applyZodLocale } from './zod-locale';

export const locales = ['fr', 'en'] as const;
export type Locale = (typeof locales)[number];

const storageKey = 'unified.locale';

const isLocale = (value: unknown): value is Locale => locales.includes(value as Locale);

/** French unless the agent chose English on this machine. */
export function storedLocale(): Locale {
  try {
    const stored = localStorage.getItem(storageKey);
    return isLocale(stored) ? stored : 'fr';
  } catch {
    return 'fr';
  }
}

export function createAppI18n(locale: Locale = storedLocale()) {
  return createI18n<[MessageSchema], Locale, false>({
    legacy: false,
    locale,
    // English is complete (a test checks it): a missing key should show, not hide behind French.
    fallbackLocale: false,
    messages: { fr, en },
  });
}

export const i18n = createAppI18n();
// The core words zod's messages in French; the renderer's checks follow the agent's language.
applyZodLocale(i18n.global.locale.value);

/** Switches the UI language, remembers it, and keeps `<html lang>` right for screen readers. */
export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale;
  applyDocumentLocale(locale);
  applyZodLocale(locale);
  try {
    localStorage.setItem(storageKey, locale);
  } catch {
    // Storage disabled: the choice lasts until the page is reloaded.
  }
}

export function applyDocumentLocale(locale: Locale = i18n.global.locale.value): void {
  document.documentElement.lang = locale;
}

const dateTime: Intl.DateTimeFormatOptions = { dateStyle: 'short', timeStyle: 'short' };
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * One formatter per language and options, kept: building one costs about a millisecond, and a desk
 * or a thread prints dozens of dates a frame.
 */
export function dateTimeFormatter(locale: Locale, options: Intl.DateTimeFormatOptions = dateTime): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', options);
    formatters.set(key, formatter);
  }
  return formatter;
}

/** Dates as a French agent reads them (26/11/2025 19:39); English keeps day before month. */
export function formatDateTime(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateTimeFormatter(locale).format(date);
}
