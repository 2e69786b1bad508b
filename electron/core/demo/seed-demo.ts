import type { Database } from '../db/database';
import { hashPassword } from '../passwords';
import type { Clock } from '../ports';
import { hasAgents } from '../services/setup/centre-state';
import { demoAgents, demoPassword, type DemoAgentKey } from './demo-data';
import { seedCases } from './seed-cases';
import { seedContacts } from './seed-contacts';
import { seedOrganisation } from './seed-organisation';

const day = 86_400_000;

/**
 * Loads the demo contact centre into a database that has no agent yet, all or nothing; returns
 * whether it did. Times are relative to `clock.now()`, so the demo always looks current.
 */
export function seedDemoIfEmpty(db: Database, clock: Clock): boolean {
  if (hasAgents(db)) return false;
  // Hashing is CPU work (about 50 ms an agent): done before the write lock is taken.
  const hashes = hashDemoPasswords();
  const now = clock.now();
  const seed = db.sqlite.transaction(() => {
    // Another process (the browser host) may have seeded between the check and the lock.
    if (hasAgents(db)) return false;
    const organisation = seedOrganisation(db.orm, now.toISOString(), hashes);
    const contactIds = seedContacts(db.orm, new Date(now.getTime() - 30 * day).toISOString());
    seedCases(db.orm, now, { ...organisation, contactIds });
    return true;
  });
  return seed.immediate();
}

/** Each agent gets its own salt, even with the same password. */
function hashDemoPasswords(): Record<DemoAgentKey, string> {
  return Object.fromEntries(demoAgents.map((agent) => [agent.key, hashPassword(demoPassword)])) as Record<
    DemoAgentKey,
    string
  >;
}
