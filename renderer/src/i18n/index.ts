import { createI18n } from 'vue-i18n';
import { en } from './en';
import { fr, type MessageSchema } from './fr';

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

/** Switches the UI language, remembers it, and keeps `<html lang>` right for screen readers. */
export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale;
  applyDocumentLocale(locale);
  try {
    localStorage.setItem(storageKey, locale);
  } catch {
    // Storage disabled: the choice lasts until the page is reloaded.
  }
}

export function applyDocumentLocale(locale: Locale = i18n.global.locale.value): void {
  document.documentElement.lang = locale;
}

/** Dates as a French agent reads them (26/11/2025 19:39); English keeps day before month. */
export function formatDateTime(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(date);
}
