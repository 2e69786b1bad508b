import { randomBytes } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { LocalMessage } from '../mail/local-mailboxes';

/**
 * Where the demo centre's sent mail goes: `<dataDir>/demo-mail/<outbox id>.eml`, the very bytes
 * SMTP would have carried, readable with any mail client. Nothing leaves the computer. A retry
 * writes the same file again (one file per outbox row), never a second one.
 */
export function createDemoMailSink(dataDir: string) {
  const dir = path.join(dataDir, 'demo-mail');
  const fileOf = (outboxId: number) => path.join(dir, `${String(outboxId).padStart(6, '0')}.eml`);

  async function store({ claim, raw }: LocalMessage): Promise<string> {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const file = fileOf(claim.id);
    const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(temp, raw, { mode: 0o600 });
    await rename(temp, file);
    return file;
  }

  return { store, fileOf };
}
