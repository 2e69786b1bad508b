import { z } from 'zod';
import { isoDay, readFrenchDate } from './french-date';
import { multiLineText, refuseControlCharacters, singleLineText, tooLong } from './text-rules';
import type { Media } from './case-state';

/**
 * Field rules of the seed's standard form ("Créer un dossier"), shared by the contact and the
 * address-book schemas, so the renderer's form and the core refuse the same values with the same words.
 */

/** Seed: a fixed list, Monsieur by default. Same codes as the `contacts` table. */
export const civilities = ['monsieur', 'madame', 'mademoiselle'] as const;
export type Civility = (typeof civilities)[number];
export const civilityLabels: Record<Civility, string> = {
  monsieur: 'Monsieur',
  madame: 'Madame',
  mademoiselle: 'Mademoiselle',
};
export const civilitySchema = z
  .enum(civilities, { error: 'Choisissez une civilité dans la liste.' })
  .default('monsieur');

/** Forms send '' for an untouched field: blank and absent both mean "not given". */
export function optionalField<T extends z.ZodType<unknown, string>>(rule: T) {
  return z
    .string()
    .optional()
    .transform((value) => (value?.trim() ? value : undefined))
    .pipe(rule.optional());
}

/** One line of text (`text-rules.ts`: no control characters). */
export const optionalText = (max: number) => optionalField(singleLineText(max));

/** A comment or a note: line feeds kept. */
export const optionalMultiLineText = (max: number) => optionalField(multiLineText(max));

/** `message` also covers an absent value: for the agent, missing and blank are the same mistake. */
export const requiredText = (message: string, max: number) =>
  refuseControlCharacters(z.string({ error: message }).trim().min(1, { error: message }).max(max, tooLong(max)));

export const phoneMessages = {
  plus: 'Remplacez le + par 00 (ex. 0033…).',
  format:
    'Saisissez uniquement des chiffres, sans espace : 0102030405, ' +
    "ou 00 suivi de l'indicatif du pays pour l'international (ex. 00330102030405).",
} as const;

/**
 * National: 10 digits starting with one 0. International: 00, a country code (never starting with 0),
 * then 7 to 16 digits in all: E.164 allows 15, plus the trunk 0 people keep (the seed's own example
 * 0033 0102030405 keeps it).
 */
const phonePattern = /^(?:0[1-9]\d{8}|00[1-9]\d{6,15})$/;

export const phoneRule = optionalField(
  z
    .string()
    .trim()
    .check((ctx) => {
      if (phonePattern.test(ctx.value)) return;
      const message = ctx.value.includes('+') ? phoneMessages.plus : phoneMessages.format;
      ctx.issues.push({ code: 'custom', message, input: ctx.value });
    }),
);

export const emailMessages = {
  invalid: 'Adresse e-mail invalide.',
  required: "L'adresse e-mail est obligatoire.",
  requiredForEmailQueue: "L'adresse e-mail est obligatoire pour une file e-mail.",
} as const;

/** 254: the longest address SMTP can carry (RFC 5321 path limit). */
const emailSyntax = z.email({ error: emailMessages.invalid }).max(254, tooLong(254));

export const optionalEmail = optionalField(z.string().trim().pipe(emailSyntax));

export const requiredEmail = z
  .string({ error: emailMessages.required })
  .trim()
  .min(1, { error: emailMessages.required })
  .pipe(emailSyntax);

/** Addresses compare without case (seed "Traiter un e-mail": A, CC and BCC ignore case). */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

/** For `.superRefine` on an object with `email`: the seed makes it required for e-mail queues only. */
export function requireEmailForMedia(media: Media) {
  return (value: { email?: string | undefined }, ctx: z.RefinementCtx): void => {
    if (media !== 'email' || value.email) return;
    ctx.addIssue({ code: 'custom', message: emailMessages.requiredForEmailQueue, path: ['email'] });
  };
}

export const countryRule = optionalField(
  z.string().trim().regex(/^[A-Z]{2}$/, { error: 'Code pays invalide : deux lettres majuscules (ex. FR).' }),
);

export const dateMessages = {
  format: 'Saisissez la date au format JJ/MM/AAAA.',
  nonexistent: "Cette date n'existe pas.",
  birthInFuture: 'La date de naissance doit être dans le passé.',
  birthTooOld: 'La date de naissance doit être postérieure au 01/01/1900.',
} as const;

/** A JJ/MM/AAAA date, out as ISO; `judge` adds a rule on the ISO day and returns its message. */
export function frenchDateRule(judge: (iso: string) => string | undefined = () => undefined) {
  return z
    .string()
    .trim()
    .transform((text, ctx) => {
      const refuse = (message: string) => {
        ctx.issues.push({ code: 'custom', message, input: text });
        return z.NEVER;
      };
      const reading = readFrenchDate(text);
      if (!reading.ok) return refuse(dateMessages[reading.problem]);
      const problem = judge(reading.iso);
      return problem === undefined ? reading.iso : refuse(problem);
    });
}

/** Before today (a birth date today is a typing slip) and not before 1900 (a typing slip too). */
export function birthDateRule(today: Date) {
  const todayIso = isoDay(today);
  return frenchDateRule((iso) => {
    if (iso >= todayIso) return dateMessages.birthInFuture;
    if (iso < '1900-01-01') return dateMessages.birthTooOld;
    return undefined;
  });
}
