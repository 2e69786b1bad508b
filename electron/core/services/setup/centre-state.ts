import { count, eq } from 'drizzle-orm';
import type { SetupStatus } from '../../../../shared/domain/setup-schema';
import type { Database } from '../../db/database';
import { agents, settings } from '../../db/schema';
import { isDemoDatabase } from '../../demo/demo-marker';

/** Setting written by « Créer mon centre ». */
export const centreNameSetting = 'centre_name';

/** A centre without any agent has never been set up: nobody could sign in to it. */
export function hasAgents(db: Database): boolean {
  return (db.orm.select({ n: count() }).from(agents).get()?.n ?? 0) > 0;
}

export function centreStatus(db: Database): SetupStatus {
  const centreName = db.orm.select().from(settings).where(eq(settings.key, centreNameSetting)).get()?.value ?? null;
  if (!hasAgents(db)) return { state: 'empty', centreName: null };
  return { state: isDemoDatabase(db) ? 'demo' : 'centre', centreName };
}
