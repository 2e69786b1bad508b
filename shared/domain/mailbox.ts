import { z } from 'zod';
import { entityId, nameRule } from './admin/admin-fields';
import { refuseControlCharacters } from './text-rules';

/**
 * A centre's mailbox as the administrator sets it up (PRODUCT.md "Roles": mailboxes are theirs): where
 * mail is fetched (IMAP) and sent (SMTP). The password is written, never read back: views say
 * only whether one is stored.
 */

/** Implicit TLS (993/465), STARTTLS required (143/587), or no encryption, on this machine only. */
export const mailTlsModes = ['implicit', 'starttls', 'none'] as const;
export const mailTlsModeSchema = z.enum(mailTlsModes);
export type MailTlsMode = z.infer<typeof mailTlsModeSchema>;

export const mailboxMessages = {
  plaintextOffLoopback:
    'Sans chiffrement, le mot de passe circulerait en clair : ce mode n’est permis que pour un serveur sur cette machine (localhost).',
  hostRequired: 'Saisissez le nom du serveur.',
  hostInvalid: 'Nom de serveur invalide.',
  portInvalid: 'Port invalide (1 à 65535).',
  userRequired: 'Saisissez l’identifiant.',
  passwordRequired: 'Saisissez le mot de passe.',
  addressInvalid: 'Adresse e-mail invalide.',
  folderRequired: 'Saisissez le nom du dossier.',
  testNeedsTarget: 'Choisissez une boîte enregistrée ou saisissez ses réglages.',
} as const;

/** `localhost`, 127.0.0.0/8 and ::1: the only hosts a password may reach unencrypted. */
export function isLoopbackHost(host: string): boolean {
  const name = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (name === 'localhost' || name.endsWith('.localhost') || name === '::1') return true;
  const octets = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(name);
  return octets !== null && octets.slice(1).every((octet) => Number(octet) <= 255);
}

const endpointFields = z.object({
  host: z
    .string({ error: mailboxMessages.hostRequired })
    .trim()
    .min(1, { error: mailboxMessages.hostRequired })
    .max(253, { error: mailboxMessages.hostInvalid })
    .regex(/^[A-Za-z0-9.:[\]-]+$/, { error: mailboxMessages.hostInvalid }),
  port: z.number({ error: mailboxMessages.portInvalid }).int({ error: mailboxMessages.portInvalid }).min(1, { error: mailboxMessages.portInvalid }).max(65535, { error: mailboxMessages.portInvalid }),
  tls: mailTlsModeSchema,
  user: refuseControlCharacters(z.string({ error: mailboxMessages.userRequired }).trim().min(1, { error: mailboxMessages.userRequired }).max(320)),
});

/** One server of a mailbox (IMAP or SMTP). Plaintext is refused on the `tls` field off loopback. */
export const mailEndpointSchema = endpointFields.superRefine((endpoint, ctx) => {
  if (endpoint.tls === 'none' && !isLoopbackHost(endpoint.host)) {
    ctx.addIssue({ code: 'custom', path: ['tls'], message: mailboxMessages.plaintextOffLoopback });
  }
});
export type MailEndpoint = z.output<typeof mailEndpointSchema>;

const folderName = refuseControlCharacters(z.string().trim().min(1, { error: mailboxMessages.folderRequired }).max(200));
const passwordRule = z
  .string({ error: mailboxMessages.passwordRequired })
  .min(1, { error: mailboxMessages.passwordRequired })
  .max(1000);

export const mailboxSettingsSchema = z.object({
  name: nameRule('Le nom de la boîte est obligatoire.'),
  address: z.email({ error: mailboxMessages.addressInvalid }).max(320),
  senderName: nameRule('Le nom de l’expéditeur est obligatoire.'),
  /** Where mail that matches no rule and no case lands. */
  queueId: entityId,
  imap: mailEndpointSchema,
  smtp: mailEndpointSchema,
  inboxFolder: folderName.default('INBOX'),
  /** Null: the folder the server flags `\Sent` (RFC 6154); a name overrides it. */
  sentFolder: folderName.nullable().default(null),
  active: z.boolean().default(true),
});
export type MailboxSettingsInput = z.input<typeof mailboxSettingsSchema>;
export type MailboxSettings = z.output<typeof mailboxSettingsSchema>;

export const mailboxCreateSchema = mailboxSettingsSchema.extend({ password: passwordRule });
export type MailboxCreate = z.output<typeof mailboxCreateSchema>;

/** The whole mailbox again; the password only when it changes (absent: kept as it is). */
export const mailboxUpdateSchema = mailboxSettingsSchema.extend({ id: entityId, password: passwordRule.optional() });
export type MailboxUpdate = z.output<typeof mailboxUpdateSchema>;

const endpointView = z.object({ host: z.string(), port: z.number().int(), tls: mailTlsModeSchema, user: z.string() });

export const mailboxViewSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  address: z.string(),
  senderName: z.string(),
  queueId: z.number().int(),
  imap: endpointView,
  smtp: endpointView,
  inboxFolder: z.string(),
  sentFolder: z.string().nullable(),
  active: z.boolean(),
  /** Whether the secret store holds its password: the password itself never leaves the core. */
  hasPassword: z.boolean(),
});
export type MailboxView = z.infer<typeof mailboxViewSchema>;

/**
 * Test a saved mailbox (`mailboxId`), or settings not saved yet (`settings` + `password`). Both
 * together test edited settings with the saved password, so the form need not ask for it again.
 */
export const mailboxTestInputSchema = z
  .object({
    mailboxId: entityId.optional(),
    settings: mailboxSettingsSchema.optional(),
    password: passwordRule.optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (!input.settings && input.mailboxId === undefined) {
      ctx.addIssue({ code: 'custom', path: ['mailboxId'], message: mailboxMessages.testNeedsTarget });
    } else if (input.settings && input.mailboxId === undefined && input.password === undefined) {
      ctx.addIssue({ code: 'custom', path: ['password'], message: mailboxMessages.passwordRequired });
    }
  });
export type MailboxTestInput = z.output<typeof mailboxTestInputSchema>;

export const connectionSteps = ['dns', 'tcp', 'tls', 'auth', 'folders'] as const;
export type ConnectionStep = (typeof connectionSteps)[number];

export const connectionStepLabels: Readonly<Record<ConnectionStep, string>> = {
  dns: 'Résolution DNS',
  tcp: 'Connexion TCP',
  tls: 'Certificat TLS',
  auth: 'Authentification',
  folders: 'Dossiers',
};

/** `skipped`: not tried, because an earlier step failed or the mode has no such step. */
export const stepStatuses = ['ok', 'failed', 'skipped'] as const;

export const stepReportSchema = z.object({
  step: z.enum(connectionSteps),
  label: z.string(),
  status: z.enum(stepStatuses),
  /** In French: what was found, or precisely why it failed. */
  detail: z.string(),
});
export type StepReport = z.infer<typeof stepReportSchema>;

export const serverReportSchema = z.object({
  protocol: z.enum(['imap', 'smtp']),
  /** `host:port`, as tested. */
  server: z.string(),
  ok: z.boolean(),
  steps: z.array(stepReportSchema),
});
export type ServerReport = z.infer<typeof serverReportSchema>;

export const connectionReportSchema = z.object({
  ok: z.boolean(),
  imap: serverReportSchema,
  smtp: serverReportSchema,
});
export type ConnectionReport = z.infer<typeof connectionReportSchema>;
