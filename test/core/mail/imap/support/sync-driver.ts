/**
 * Child-process entry for the crash test: one sync pass of one folder into a SQLite file through
 * the real ingest sink, printing `filed <uid> <outcome>` after each committed call so that the
 * parent can kill it mid-way. Bundled with esbuild at test time (see run-sync-driver.ts);
 * configured by UD_SYNC_DRIVER.
 */
import { ImapFlow } from 'imapflow';
import { openDatabase } from '../../../../../electron/core/db/database';
import { EventBus } from '../../../../../electron/core/event-bus';
import { createCheckpointStore } from '../../../../../electron/core/mail/imap/checkpoint-store';
import { imapClientOptions } from '../../../../../electron/core/mail/imap/imap-client-options';
import { syncFolder } from '../../../../../electron/core/mail/imap/mailbox-sync';
import { defaultBatchLimits } from '../../../../../electron/core/mail/imap/uid-batches';
import type { IngestSink } from '../../../../../electron/core/mail/incoming-mail';
import { createIngestSink } from '../../../../../electron/core/mail/ingest/create-ingest-sink';
import { systemClock } from '../../../../../electron/core/ports';
import { createBlobStore } from '../../../../../electron/core/storage/blob-store';

export interface DriverConfig {
  dbFile: string;
  dataDir: string;
  migrationsFolder: string;
  host: string;
  port: number;
  ca: string;
  user: string;
  password: string;
  mailboxId: number;
  folder: string;
}

const say = (line: string) => process.stdout.write(`${line}\n`);

function printing(sink: IngestSink): IngestSink {
  return {
    ingest(mail) {
      const outcome = sink.ingest(mail);
      say(`filed ${mail.uid} ${outcome.kind}`);
      return outcome;
    },
    quarantine(entry) {
      sink.quarantine(entry);
      say(`filed ${entry.uid} quarantined`);
    },
  };
}

async function main(config: DriverConfig): Promise<void> {
  const db = openDatabase(config.dbFile, config.migrationsFolder);
  const blobs = createBlobStore(config.dataDir);
  const endpoint = { host: config.host, port: config.port, tls: 'starttls' as const, user: config.user };
  const client = new ImapFlow(imapClientOptions(endpoint, config.password, { maxIdleMs: 60_000, tls: { ca: config.ca } }));
  client.on('error', () => undefined);
  await client.connect();
  say('connected');
  await syncFolder(client, { mailboxId: config.mailboxId, folder: config.folder, sentFolder: 'Sent' }, {
    sink: printing(createIngestSink({ db, clock: systemClock, events: new EventBus(), dataDir: config.dataDir })),
    checkpoints: createCheckpointStore(db),
    blobs,
    clock: systemClock,
    limits: defaultBatchLimits,
  });
  await client.logout();
  db.close();
  say('done');
}

main(JSON.parse(process.env.UD_SYNC_DRIVER ?? '{}') as DriverConfig).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
