import { normalizeEmail } from '../../../../shared/domain/field-rules';

/**
 * Local parts of addresses nobody reads: web forms, notification robots, bounce senders. The one
 * list the product keeps of them (a form mails from one and puts its customer in Reply-To).
 */
const noReplyLocalParts = [
  'no-reply',
  'noreply',
  'no_reply',
  'ne-pas-repondre',
  'nepasrepondre',
  'ne_pas_repondre',
  'ne-repondez-pas',
  'donotreply',
  'do-not-reply',
  'do_not_reply',
  'mailer-daemon',
];

/** `noreply@…`, `No-Reply+form7@…`, `noreply.formulaires@…`: the name, alone or followed by a tag. */
export function isNoReplyAddress(address: string): boolean {
  const local = normalizeEmail(address).split('@')[0] ?? '';
  return noReplyLocalParts.some((name) => local === name || (local.startsWith(name) && /^[.+_-]/.test(local.slice(name.length))));
}
