import type { ServiceDeps } from '../index';
import type { BlobStore } from '../../storage/blob-store';

/** What the quarantine's calls use: the database, the clock, the bus, and the sources on disk. */
export type QuarantineDeps = Pick<ServiceDeps, 'db' | 'clock' | 'events' | 'dataDir'> & { blobs: BlobStore };
