import { z } from 'zod';
import { refuseControlCharacters } from '../text-rules';
import { isCountryCode } from './country-codes';

export const settingsMessages = {
  country: 'Code pays inconnu : deux lettres ISO 3166 (ex. FR, BE, CH).',
  backupFolder: 'Indiquez le chemin complet d’un dossier (ex. /home/centre/sauvegardes ou D:\\Sauvegardes).',
  backupKeep: 'Gardez entre 1 et 365 sauvegardes.',
  localModelUrl: 'Adresse locale uniquement (http://127.0.0.1:…, http://localhost:…) : rien ne doit quitter le poste.',
  sessionIdle: 'Un nombre entier de minutes, de 5 à 10 080 (une semaine).',
  sendingMailbox: 'Choisissez une des boîtes aux lettres du centre.',
} as const;

/** Hosts that stay on this machine (PRODUCT.md "Suggested replies": nothing leaves it). */
const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

function isLoopbackHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && loopbackHosts.has(url.hostname);
  } catch {
    return false;
  }
}

/**
 * A full path on Linux or macOS (`/…`) or on Windows (`D:\…`, `\\server\share`): the core runs on
 * the administrator's machine and must never read a path relative to wherever it was started.
 */
export const isAbsolutePath = (text: string): boolean => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(text);

/**
 * Whose address a mail's contact gets when it carries Reply-To: only when From is a no-reply address
 * (a web form's), always, or never (see electron/core/mail/ingest/contact-address.ts).
 */
export const replyToPolicies = ['noreply_only', 'always', 'never'] as const;
export type ReplyToPolicy = (typeof replyToPolicies)[number];

/** The system settings an administrator edits (PRODUCT.md "Creating a case", "Incoming routing", "Suggested replies"). */
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
  // The URL parser drops CR, LF and tabs: refused first, so what is stored is what was checked.
  localModelUrl: refuseControlCharacters(z.string().trim().max(500))
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

  // Backups (services/backup). Defaults, so that a form of other settings need not carry them.
  /** Where « Sauvegarder maintenant » and the daily backup write; null: no backup until one is chosen. */
  backupFolder: z
    .string()
    .trim()
    .max(1000)
    .refine(isAbsolutePath, { error: settingsMessages.backupFolder })
    .nullable()
    .default(null),
  /** Complete backups kept in that folder; older ones are removed after each new one. */
  backupKeep: z
    .number({ error: settingsMessages.backupKeep })
    .int({ error: settingsMessages.backupKeep })
    .min(1, { error: settingsMessages.backupKeep })
    .max(365, { error: settingsMessages.backupKeep })
    .default(7),

  /** Incoming mail: when Reply-To, rather than From, names the contact. */
  replyToPolicy: z.enum(replyToPolicies, { error: 'Choisissez une règle pour Reply-To.' }).default('noreply_only'),
  /**
   * The centre's default sending mailbox: replies of a queue without its own mailbox leave from it
   * (letter and phone queues included, see ../sending-mailbox.ts). Null: none chosen yet.
   */
  defaultSendingMailboxId: z.number({ error: settingsMessages.sendingMailbox }).int().positive({ error: settingsMessages.sendingMailbox }).nullable(),
});
export type Settings = z.output<typeof settingsSchema>;
export type SettingsInput = z.input<typeof settingsSchema>;

export const defaultSettings: Settings = {
  defaultCountry: 'FR',
  acknowledgementDailyLimit: 3,
  localModelUrl: null,
  sessionIdleMinutes: 480,
  backupFolder: null,
  backupKeep: 7,
  replyToPolicy: 'noreply_only',
  defaultSendingMailboxId: null,
};
