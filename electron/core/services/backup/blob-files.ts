import { readdir } from 'node:fs/promises';
import path from 'node:path';

const hexName = /^[0-9a-f]{64}$/;
const shardName = /^[0-9a-f]{2}$/;

/**
 * The content-addressed files of a data folder (`attachments/ab/abcdef…`, see storage/blob-store.ts),
 * as paths relative to it with `/`: attachments, raw sources of messages, sent copies. A blob being
 * written has a `.tmp` name until its rename and is not one yet.
 */
export async function listBlobs(dataDir: string): Promise<string[]> {
  const root = path.join(dataDir, 'attachments');
  const shards = await readdir(root, { withFileTypes: true }).catch(() => []);
  const found: string[] = [];
  for (const shard of shards.filter((entry) => entry.isDirectory() && shardName.test(entry.name))) {
    const files = await readdir(path.join(root, shard.name), { withFileTypes: true });
    for (const file of files) {
      if (file.isFile() && hexName.test(file.name) && file.name.startsWith(shard.name)) found.push(`attachments/${shard.name}/${file.name}`);
    }
  }
  return found.sort();
}

/** A blob's relative path is its own SHA-256, after the shard folder. */
export const blobHashOf = (relative: string) => relative.slice(relative.lastIndexOf('/') + 1);

/** Only what listBlobs gives: a manifest read from a disk must not lead a restore out of its folder. */
export const isBlobPath = (relative: string) => /^attachments\/[0-9a-f]{2}\/[0-9a-f]{64}$/.test(relative);
