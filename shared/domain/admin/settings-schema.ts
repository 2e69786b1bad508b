import { z } from 'zod';
import { isCountryCode } from './country-codes';

export const settingsMessages = {
  country: 'Code pays inconnu : deux lettres ISO 3166 (ex. FR, BE, CH).',
  localModelUrl: 'Adresse locale uniquement (http://127.0.0.1:…, http://localhost:…) : rien ne doit quitter le poste.',
  sessionIdle: 'Un nombre entier de minutes, de 5 à 10 080 (une semaine).',
} as const;

/** Hosts that stay on this machine (SPEC "Suggested replies": nothing leaves it). */
const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

function isLoopbackHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && loopbackHosts.has(url.hostname);
  } catch {
    return false;
  }
}

/** The system settings an administrator edits (SPEC "Creating a case", "Incoming routing", "Suggested replies"). */
export const settingsSchema = z.object({
  /** Country of a new contact when the form leaves it blank. */
  defaultCountry: z
    .string({ error: settingsMessages.country })
    .trim()
    .toUpperCase()
    .refine(isCountryCode, { error: settingsMessages.country }),
  /** Acknowledgements and waiting messages sent to one contact per day, at most; 0 sends none. */
  acknowledgementDailyLimit: z
    .number()
    .int()
    .min(0, { error: 'Saisissez un nombre positif ou nul.' })
    .max(50, { error: '50 au maximum.' }),
  /** A local language-model endpoint for suggestions; null (the default) keeps it off. */
  localModelUrl: z
    .string()
    .trim()
    .max(500)
    .refine(isLoopbackHttpUrl, { error: settingsMessages.localModelUrl })
    .nullable(),
  /**
   * A session with no call for this long ends (issue 11): a tab left open on a shared desk does not
   * stay signed in for days. A default, so that a screen or a test that predates it still saves.
   */
  sessionIdleMinutes: z
    .number({ error: settingsMessages.sessionIdle })
    .int({ error: settingsMessages.sessionIdle })
    .min(5, { error: settingsMessages.sessionIdle })
    .max(7 * 24 * 60, { error: settingsMessages.sessionIdle })
    .default(480),
});
export type Settings = z.output<typeof settingsSchema>;
export type SettingsInput = z.input<typeof settingsSchema>;

export const defaultSettings: Settings = {
  defaultCountry: 'FR',
  acknowledgementDailyLimit: 3,
  localModelUrl: null,
  sessionIdleMinutes: 480,
};
