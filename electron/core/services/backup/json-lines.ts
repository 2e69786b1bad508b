import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

export interface JsonLinesFile {
  write(row: unknown): Promise<void>;
  close(): Promise<void>;
}

/** One JSON object per line (JSON Lines), written with the stream's backpressure respected. */
export function jsonLinesFile(file: string): JsonLinesFile {
  const stream = createWriteStream(file, { flags: 'wx', mode: 0o600 });
  // Kept, and thrown at the next write: a write error between two writes must not crash the process.
  let failure: unknown = null;
  stream.on('error', (error) => (failure = error));
  const check = () => {
    if (failure) throw failure;
  };
  return {
    async write(row) {
      check();
      // `once` rejects if the stream fails while it waits.
      if (!stream.write(`${JSON.stringify(row)}\n`)) await once(stream, 'drain');
    },
    async close() {
      check();
      stream.end();
      await once(stream, 'finish');
    },
  };
}
