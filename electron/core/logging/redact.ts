/**
 * What never reaches the journal: passwords, tokens and message contents. The journal is read by
 * support people and sent around in e-mails, so everything is judged twice: by the name of a field
 * (a `password` value is masked whatever it looks like) and by the shape of free text (an SMTP
 * `AUTH PLAIN …` line, a `token=` in an address, a long run of base64).
 */

export const masked = '[masqué]';

/** Field names whose value is a credential. */
const secretKey = /pass(word|wd)?|pwd|secret|token|authori[sz]ation|cookie|credential|api[-_]?key|private[-_]?key|^auth$/i;

/** Field names whose value is a message's or an attachment's content. */
const contentKey = /^(text|html|body|bodies|content|contents|content[-_]?base64|data[-_]?base64|raw|source|payload|question|signature[-_]?html|attachments?)$/i;

/** Patterns of free text that carry a secret, each with what replaces it. */
const secretPatterns: ReadonlyArray<[RegExp, string]> = [
  // key=value or key: value, in messages, URLs (`?token=`) and headers.
  [/\b(pass(?:word|wd)?|pwd|mot de passe|secret|token|api[-_]?key|access[-_]?token)(["']?\s*[=:]\s*)("[^"]*"|'[^']*'|[^\s&,;"']+)/gi, `$1$2${masked}`],
  // Authorization schemes.
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g, `$1 ${masked}`],
  // SMTP and IMAP authentication as a server or a client library quotes it.
  [/\b(AUTH\s+(?:PLAIN|LOGIN|XOAUTH2|CRAM-MD5))\s+\S+/gi, `$1 ${masked}`],
  [/\b(LOGIN\s+("[^"]*"|\S+))\s+("[^"]*"|\S+)/g, `$1 ${masked}`],
  // Credentials inside an address: scheme://user:password@host.
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:)[^\s@/]+@/gi, `$1${masked}@`],
  // A long run of base64 is an encoded body, attachment or credential, never something to read.
  [/[A-Za-z0-9+/]{120,}={0,2}/g, '[données omises]'],
];

export function redactText(text: string): string {
  return secretPatterns.reduce((current, [pattern, replacement]) => current.replace(pattern, replacement), text);
}

/** A field's value as the journal may show it, judged by its name first. */
export function redactField(key: string, value: unknown, depth = 0): unknown {
  if (secretKey.test(key)) return masked;
  if (contentKey.test(key)) return omittedContent(value);
  return redactValue(value, depth);
}

function redactValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= 3) return '[…]';
  if (Array.isArray(value)) return value.slice(0, 20).map((item) => redactValue(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactField(key, item, depth + 1)]));
}

function omittedContent(value: unknown): string {
  if (typeof value === 'string') return `[contenu omis, ${value.length} caractères]`;
  return '[contenu omis]';
}
