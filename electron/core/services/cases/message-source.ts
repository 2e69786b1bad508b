import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { maxSourceChars, type MessageSource } from '../../../../shared/domain/case-detail';
import type { Database } from '../../db/database';
import { messages } from '../../db/schema';
import { notFound } from '../access';
import { assertPartReadable, partOutOfReach } from '../case-access';
import type { CaseActor } from './case-scope';

/**
 * The raw message as it arrived (headers and MIME parts), for the thread's "Source" view: what an
 * agent checks when a sender or an attachment looks wrong. Shown as text, never interpreted.
 */
export async function messageSource(db: Database, dataDir: string, actor: CaseActor, messageId: number): Promise<MessageSource> {
  const message = db.orm
    .select({ caseId: messages.caseId, rawPath: messages.rawPath })
    .from(messages)
    .where(eq(messages.id, messageId))
    .get();
  if (!message) throw notFound(partOutOfReach);
  assertPartReadable(db, message.caseId, actor);
  if (message.rawPath === null) throw notFound('La source de ce message n’est pas conservée.');
  const raw = await readFile(path.join(dataDir, message.rawPath)).catch(() => {
    throw notFound('La source de ce message est introuvable dans les données du centre.');
  });
  const text = raw.toString('utf8');
  return { source: text.slice(0, maxSourceChars), truncated: text.length > maxSourceChars };
}
