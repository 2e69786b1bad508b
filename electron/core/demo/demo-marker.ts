import { eq } from 'drizzle-orm';
import type { Database } from '../db/database';
import { settings } from '../db/schema';

/** Setting the demo seed writes: the screens say « Centre de démonstration » wherever it is set. */
export const demoMarker = { key: 'demo', value: 'true' } as const;

export function isDemoDatabase(db: Database): boolean {
  return db.orm.select().from(settings).where(eq(settings.key, demoMarker.key)).get()?.value === demoMarker.value;
}
