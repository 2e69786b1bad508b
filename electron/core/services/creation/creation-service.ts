import type { CreationOptions, CreationResult } from '../../../../shared/contract/calls/creation';
import type { AgentSummary } from '../../../../shared/domain/agent';
import {
  caseCreationSchema,
  creationMessages,
  type CaseCreationInput,
} from '../../../../shared/domain/case-creation-schema';
import { hasVisibleContent, sanitizeReplyHtml } from '../../mail/html-sanitizer';
import { createBlobStore } from '../../storage/blob-store';
import { invalidField } from '../access';
import { createAttachmentService } from '../attachment-service';
import { caseHandler } from '../cases/case-scope';
import { parseForm } from '../contacts/parse-form';
import type { ServiceDeps } from '../index';
import { creationOptions, qualificationIds } from './creation-catalogue';
import { submitCase, type CheckedCreation } from './submit-case';

export type CreationService = ReturnType<typeof createCreationService>;

/** Case creation by an agent (seed "Créer un dossier"). */
export function createCreationService(deps: Pick<ServiceDeps, 'db' | 'clock' | 'events' | 'dataDir'>) {
  const { db, clock, events } = deps;
  const blobs = createBlobStore(deps.dataDir);
  const files = createAttachmentService(blobs);

  function options(agent: AgentSummary): CreationOptions {
    return db.sqlite.transaction(() => creationOptions(db, caseHandler(db, agent))).deferred();
  }

  function submit(raw: CaseCreationInput, agent: AgentSummary): CreationResult {
    const checked = check(raw, agent);
    // Whether the files exist is I/O: asked before the transaction, never inside.
    files.assertStored([...checked.input.requestAttachments, ...checked.input.response.attachments]);
    // IMMEDIATE: the write lock is taken before the case number and the e-mail owner are read.
    const { result, applied } = db.sqlite.transaction(() => submitCase({ db, blobs }, checked)).immediate();
    events.emit('case.changed', {
      caseId: applied.caseId,
      version: applied.version,
      state: applied.state,
      assigneeId: applied.assigneeId,
      queueId: applied.queueId,
    });
    return result;
  }

  /** The schema with the core's clock and this agent's lists, then what only the core can judge. */
  function check(raw: CaseCreationInput, agent: AgentSummary): CheckedCreation {
    const actor = caseHandler(db, agent);
    const catalogue = creationOptions(db, actor);
    const now = clock.now();
    const input = parseForm(caseCreationSchema({ today: now, catalogue }), raw);
    if (input.qualificationId !== null && !qualificationIds(catalogue.qualifications).has(input.qualificationId)) {
      throw invalidField('qualificationId', 'Choisissez une qualification dans la liste.');
    }
    const questionHtml = sanitizeReplyHtml(input.question);
    // Markup alone (a script, a remote image) is no question once cleaned.
    if (!hasVisibleContent(questionHtml)) throw invalidField('question', creationMessages.question);
    // The schema refused unknown ids: both are in the catalogue.
    const form = catalogue.forms.find((f) => f.id === input.formId) as CheckedCreation['form'];
    const queue = catalogue.queues.find((q) => q.id === input.queueId) as CheckedCreation['queue'];
    return { input, form, queue, questionHtml, actor, now };
  }

  return { options, submit };
}
