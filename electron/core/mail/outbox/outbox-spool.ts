import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * The raw message of each outbox row, built once and kept under `<dataDir>/outbox/<id>.eml` until
 * the row is final. Every attempt, the SMTP server and the Sent folder get these same bytes: a
 * resend after a crash carries the original Date and MIME boundaries, and the Sent copy filed
 * after a restart is exactly what left. Written to a temp name then renamed: never half a file.
 */
export interface OutboxSpool {
  fileOf(outboxId: number): string;
  /** The spooled message, composed and written first if it is not there yet. */
  ensure(outboxId: number, compose: () => Promise<Readable>): Promise<string>;
  read(outboxId: number): Promise<Buffer>;
  remove(outboxId: number): Promise<void>;
}

export function createOutboxSpool(dataDir: string): OutboxSpool {
  const dir = path.join(dataDir, 'outbox');
  const fileOf = (outboxId: number) => path.join(dir, `${outboxId}.eml`);

  return {
    fileOf,
    async ensure(outboxId, compose) {
      const file = fileOf(outboxId);
      if (existsSync(file)) return file;
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        await pipeline(await compose(), createWriteStream(temp, { mode: 0o600 }));
        await rename(temp, file);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
      return file;
    },
    read: (outboxId) => readFile(fileOf(outboxId)),
    remove: (outboxId) => rm(fileOf(outboxId), { force: true }),
  };
}
