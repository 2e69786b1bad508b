import type { Database } from '../db/database';
import type { EventBus } from '../event-bus';
import type { AppLogger } from '../logging/logger';
import type { Clock, FileOpener, Notifier, SecretStore } from '../ports';
import { createBlobStore } from '../storage/blob-store';
import { createAddressBookService } from './address-book/address-book-service';
import { createAdminService } from './admin/admin-service';
import { createAttachmentFiles } from './attachment-files';
import { createAttachmentService } from './attachment-service';
import { createChunkedUploads } from './attachments/chunked-uploads';
import { createBackupService } from './backup/backup-service';
import { createCaseSearch } from './case-search';
import { createCaseService } from './cases/case-service';
import { createContactService } from './contacts/contact-service';
import { createCreationService } from './creation/creation-service';
import { createDeskService } from './desk-service';
import { createMailboxService } from './mailboxes/mailbox-service';
import { createQuarantineService } from './quarantine/quarantine-service';
import { createSessionService } from './session-service';
import { createSetupService } from './setup/setup-service';
import { createSyncStatusService } from './sync-status-service';
import { createTemplateService } from './templates/template-service';
import { createReplyService } from './replies/reply-service';

/** What every service may use: the database, the injected platform ports, the event bus. */
export interface ServiceDeps {
  db: Database;
  clock: Clock;
  events: EventBus;
  secrets: SecretStore;
  notifier: Notifier;
  /** Null in the browser host: attachments are downloaded there, never opened. */
  opener: FileOpener | null;
  /** Where attachments are stored (content-addressed files). */
  dataDir: string;
  /** The journal (logging/): what a support person reads. */
  log: AppLogger;
}

export type Services = ReturnType<typeof createServices>;

export function createServices(deps: ServiceDeps) {
  return {
    sessions: createSessionService(deps.db, deps.clock),
    setup: createSetupService(deps),
    desks: createDeskService(deps.db),
    caseSearch: createCaseSearch(deps.db),
    attachments: createAttachmentService(createBlobStore(deps.dataDir)),
    uploads: createChunkedUploads({ blobs: createBlobStore(deps.dataDir), dataDir: deps.dataDir, clock: deps.clock }),
    attachmentFiles: createAttachmentFiles(deps),
    cases: createCaseService(deps),
    contacts: createContactService(deps),
    creation: createCreationService(deps),
    admin: createAdminService(deps.db, deps.clock),
    mailboxes: createMailboxService(deps),
    templates: createTemplateService(deps.db),
    addressBook: createAddressBookService(deps),
    replies: createReplyService(deps),
    syncStatus: createSyncStatusService(deps),
    quarantine: createQuarantineService(deps),
    backup: createBackupService(deps),
  };
}
