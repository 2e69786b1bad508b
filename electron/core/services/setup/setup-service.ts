import { AppFailure } from '../../../../shared/contract';
import type { AgentSummary } from '../../../../shared/domain/agent';
import { setupMessages, type Checklist, type CreateCentre, type SetupStatus } from '../../../../shared/domain/setup-schema';
import type { Database } from '../../db/database';
import { mailboxes } from '../../db/schema';
import type { EventBus } from '../../event-bus';
import { seedDemoIfEmpty } from '../../demo/seed-demo';
import { hashPassword } from '../../passwords';
import type { Clock } from '../../ports';
import { requireAdministrator } from '../admin/admin-guard';
import { centreStatus, hasAgents } from './centre-state';
import { writeNewCentre } from './new-centre';
import { readChecklist } from './setup-checklist';

const alreadySetUp = () => new AppFailure({ code: 'refused', message: setupMessages.alreadySetUp });

/**
 * The first start (issue 13): the demo centre or one's own, chosen once. Both choices check for
 * agents under the write lock (IMMEDIATE), so that two windows choosing at once cannot both win,
 * and both are refused for good once the centre has anyone who can sign in.
 */
export function createSetupService({ db, clock, events }: { db: Database; clock: Clock; events: EventBus }) {
  function loadDemo(): SetupStatus {
    if (!seedDemoIfEmpty(db, clock)) throw alreadySetUp();
    // The mail runtime, started on an empty centre, takes the demo's mailbox in at once.
    for (const { id } of db.orm.select({ id: mailboxes.id }).from(mailboxes).all()) events.emit('mailboxes.changed', { mailboxId: id });
    return centreStatus(db);
  }

  function createCentre(input: CreateCentre): AgentSummary {
    if (hasAgents(db)) throw alreadySetUp();
    // scrypt (about 50 ms) before the write lock, as for every account.
    const passwordHash = hashPassword(input.password);
    const create = db.sqlite.transaction(() => {
      if (hasAgents(db)) throw alreadySetUp();
      return writeNewCentre(db, input, passwordHash, clock.now().toISOString());
    });
    return create.immediate();
  }

  function checklist(actor: AgentSummary): Checklist {
    requireAdministrator(db, actor);
    return readChecklist(db);
  }

  return { status: () => centreStatus(db), loadDemo, createCentre, checklist };
}
