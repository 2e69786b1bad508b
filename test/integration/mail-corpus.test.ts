import { readFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { ImapFlow } from 'imapflow';
import { createTransport } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail, CaseMessage } from '../../shared/domain/case-detail';
import { messages, quarantine } from '../../electron/core/db/schema';
import { CENTRE, CLIENT } from '../core/mail/outbox/centre-rig';
import { buildCorpus, corpusDir, indexFile, indexText, type CorpusFile } from '../fixtures/mail/make-corpus';
import { startJourneyWorld, type JourneyWorld } from './mail-journeys/journey-world';

const corpus: CorpusFile[] = JSON.parse(readFileSync(path.join(corpusDir, indexFile), 'utf8'));
const tokenPattern = /corpus-\d{3}/g;

let world: JourneyWorld;
/** The cases of the queue before any corpus mail arrived (the demo's): not the corpus's. */
let demoCases: Set<number>;

beforeAll(async () => {
  world = await startJourneyWorld([]);
  const queue = (await world.admin.admin.queues()).find((q) => q.name === 'Service clients');
  // No acknowledgements: the corpus's senders have no mailbox on the rig, and they are not the subject here.
  await world.admin.admin.updateQueue({ ...queue!, acknowledgementText: null });
  demoCases = new Set((await queueCases()).map((row) => row.id));
  for (const entry of corpus) await deliver(entry);
}, 120_000);

afterAll(async () => {
  await world?.stop();
});

/** Through the rig's SMTP server into Dovecot (LMTP), or appended as a migration tool would. */
async function deliver(entry: CorpusFile): Promise<void> {
  const raw = readFileSync(path.join(corpusDir, entry.file));
  if (entry.via === 'append') return appendToInbox(raw);
  const transport = createTransport({ host: world.rig.smtp.host, port: world.rig.smtp.port, requireTLS: true, tls: { ca: world.rig.smtp.ca }, auth: { user: CLIENT.user, pass: CLIENT.password } });
  try {
    await transport.sendMail({ envelope: { from: 'corpus@example.org', to: [CENTRE.user] }, raw });
  } finally {
    transport.close();
  }
}

async function appendToInbox(raw: Buffer): Promise<void> {
  const { host, imapsPort, ca } = world.rig.dovecot;
  const client = new ImapFlow({ host, port: imapsPort, secure: true, tls: { ca }, auth: { user: CENTRE.user, pass: CENTRE.password }, logger: false });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.append('INBOX', raw);
  } finally {
    await client.logout().catch(() => client.close());
  }
}

/** Every case of the Service clients queue, as its agent's desk lists them, page after page. */
async function queueCases() {
  const queue = (await world.agent.desk.queues()).find((q) => q.name === 'Service clients');
  const rows = [];
  let after: string | undefined;
  do {
    const page = await world.agent.desk.list({ desk: { kind: 'queue', queueId: queue!.id }, limit: 500, ...(after ? { after } : {}) });
    rows.push(...page.rows);
    after = page.next ?? undefined;
  } while (after);
  return rows;
}

/** Read-only: how far the sync got (filed rows of the mailbox and quarantine rows). */
const settled = () =>
  world.core.db.orm.select().from(messages).where(eq(messages.mailboxId, world.mailboxId)).all().length + world.core.db.orm.select().from(quarantine).all().length;

interface Filed {
  case: CaseDetail;
  message: CaseMessage;
}

const tokensIn = (text: string | null | undefined) => new Set(text?.match(tokenPattern) ?? []);

/** Where each token ended up: the incoming messages of the corpus's cases, as `cases.get` shows them. */
async function filedByToken(): Promise<{ byToken: Map<string, Filed[]>; incoming: number }> {
  const byToken = new Map<string, Filed[]>();
  let incoming = 0;
  for (const row of (await queueCases()).filter((r) => !demoCases.has(r.id))) {
    const detail = await world.agent.cases.get({ caseId: row.id });
    for (const message of detail.messages.filter((m) => m.direction === 'in')) {
      incoming += 1;
      const tokens = new Set([...tokensIn(message.subject), ...tokensIn(message.text), ...tokensIn(message.html)]);
      expect([...tokens], `message ${message.id} of case ${detail.number}`).toHaveLength(1);
      const [token] = tokens;
      byToken.set(token!, [...(byToken.get(token!) ?? []), { case: detail, message }]);
    }
  }
  return { byToken, incoming };
}

/** The quarantine as its screen lists it (`quarantine.list`, `quarantine.source`), each entry with the token of its source. */
async function quarantinedByToken(): Promise<Map<string, { reason: string }[]>> {
  const byToken = new Map<string, { reason: string }[]>();
  let before: number | undefined;
  do {
    const page = await world.admin.quarantine.list({ limit: 200, ...(before ? { before } : {}) });
    for (const entry of page.entries) {
      const file = await world.admin.quarantine.source({ id: entry.id });
      const [token] = tokensIn(Buffer.from(file.contentBase64, 'base64').toString('latin1'));
      expect(token, `quarantined entry ${entry.id}`).toBeDefined();
      byToken.set(token!, [...(byToken.get(token!) ?? []), { reason: entry.reason.text }]);
    }
    before = page.next ?? undefined;
  } while (before);
  return byToken;
}

describe(`the project's corpus of ${corpus.length} real-world and hostile messages, through the real Dovecot`, () => {
  it('has at least 80 messages, the very bytes make-corpus.ts writes', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(80);
    expect(corpus.filter((entry) => entry.reusesMessageId).length).toBeGreaterThanOrEqual(4);
    const { index, sources } = buildCorpus();
    expect(readFileSync(path.join(corpusDir, indexFile), 'utf8')).toBe(indexText(index));
    for (const [file, source] of sources) expect(readFileSync(path.join(corpusDir, file)).equals(source), file).toBe(true);
  });

  it('files or quarantines every message, none lost: cases + quarantine = messages delivered', async () => {
    await expect.poll(settled, { timeout: 90_000, interval: 250 }).toBeGreaterThanOrEqual(corpus.length);
    const { byToken: filed, incoming } = await filedByToken();
    const quarantined = await quarantinedByToken();

    for (const entry of corpus) {
      const places = [...(filed.get(entry.token) ?? []).map(() => 'filed'), ...(quarantined.get(entry.token) ?? []).map(() => 'quarantined')];
      expect(places, `${entry.file} ends in exactly one place`).toEqual([entry.fate]);
    }
    for (const [token, entries] of quarantined) {
      for (const { reason } of entries) expect(reason, token).toMatch(/^[A-ZÉ].{20,}/);
    }
    const quarantineRows = [...quarantined.values()].flat().length;
    expect(incoming + quarantineRows).toBe(corpus.length);
  }, 120_000);

  it('shows each message as it was written: decoded text, the contact, warnings and reused ids', async () => {
    const { byToken } = await filedByToken();
    for (const entry of corpus.filter((e) => e.fate === 'filed')) {
      const [{ case: detail, message }] = byToken.get(entry.token) as [Filed];
      const shown = `${message.subject}\n${message.text ?? ''}\n${message.html ?? ''}`;
      for (const text of entry.shows ?? []) expect(shown, entry.file).toContain(text);
      if (entry.shows) expect(shown, entry.file).not.toContain('\uFFFD');
      if (entry.contact) expect(detail.contact.email, entry.file).toBe(entry.contact);
      expect(message.senderWarning, entry.file).toBe(entry.senderWarning ? 'mixed_scripts' : null);
      if (entry.reusesMessageId) expect(message.messageIdSeenOn, entry.file).not.toBeNull();
      if (entry.claimsCase) expect(detail.notepad.map((note) => note.text).join(' '), entry.file).toContain(`prétend répondre au dossier ${entry.claimsCase}`);
    }
  });
});
