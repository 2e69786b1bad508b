/**
 * RFC 5322 §2.2 and §3.6.8: a message starts with a header field, `field-name ":"`, where the name
 * is printable US-ASCII except the colon (obs-optional, §4.5.8, allows blanks before the colon).
 * mailparser accepts anything, even binary junk, and would hand back an empty message: a source
 * that does not start like a message is quarantined instead, so that nothing is filed from noise.
 */
const firstHeaderField = /^[\x21-\x39\x3b-\x7e]+[ \t]*:/;

/** Why `raw` cannot be a message, or null when it looks like one. */
export function notAMessage(raw: Buffer): string | null {
  if (raw.length === 0) return 'Source vide : le serveur a renvoyé un message sans contenu.';
  const start = raw.subarray(0, 1000).toString('latin1');
  if (!firstHeaderField.test(start)) {
    return 'Source illisible : elle ne commence pas par un en-tête de message (RFC 5322).';
  }
  return null;
}
