import { eq, inArray } from 'drizzle-orm';
import type { AgentSummary } from '../../../../shared/domain/agent';
import { defaultSettings, settingsMessages, settingsSchema, type Settings } from '../../../../shared/domain/admin/settings-schema';
import type { Database } from '../../db/database';
import { mailboxes, settings } from '../../db/schema';
import { invalidField } from '../access';
import { administer } from './admin-guard';

/** Each setting's row in the key/value `settings` table, and how its text reads back. */
const keys = {
  defaultCountry: 'default_country',
  acknowledgementDailyLimit: 'acknowledgement_daily_limit',
  localModelUrl: 'local_model_url',
  backupFolder: 'backup_folder',
  backupKeep: 'backup_keep',
  replyToPolicy: 'reply_to_policy',
  defaultSendingMailboxId: 'reply_mailbox_id',
  sessionIdleMinutes: 'session_idle_minutes',
} as const satisfies Record<keyof Settings, string>;

const fields = Object.keys(keys) as (keyof Settings)[];

/** The row of a setting, for a seed that writes a whole centre at once (the demo). */
export const settingKey = (field: keyof Settings): string => keys[field];

/**
 * Values are stored as plain text (`FR`, `3`), as the demo writes them and as any module may read
 * them; a null setting has no row at all.
 */
/** Settings stored as the text of a number. */
const numericFields: ReadonlySet<keyof Settings> = new Set(['acknowledgementDailyLimit', 'backupKeep', 'defaultSendingMailboxId', 'sessionIdleMinutes']);
const fromText = (field: keyof Settings, text: string): unknown => (numericFields.has(field) ? Number(text) : text);

/**
 * The system settings, for every module that needs one (case creation's default country, the
 * acknowledgement limit of the mail engine). A missing or unreadable row reads as its default.
 */
export function readSettings(db: Database): Settings {
  const rows = db.orm.select().from(settings).where(inArray(settings.key, Object.values(keys))).all();
  const stored = new Map(rows.map((row) => [row.key, row.value]));
  const read = Object.fromEntries(
    fields.map((field) => {
      const text = stored.get(keys[field]);
      const value = text === undefined ? undefined : fromText(field, text);
      const parsed = settingsSchema.shape[field].safeParse(value);
      return [field, parsed.success ? parsed.data : defaultSettings[field]];
    }),
  );
  return read as Settings;
}

export function createSettingsAdmin(db: Database) {
  function update(next: Settings, actor: AgentSummary): Settings {
    return administer(db, actor, () => {
      assertMailboxExists(next.defaultSendingMailboxId);
      for (const field of fields) {
        const [key, value] = [keys[field], next[field]];
        if (value === null) db.orm.delete(settings).where(eq(settings.key, key)).run();
        else {
          const row = { key, value: String(value) };
          db.orm.insert(settings).values(row).onConflictDoUpdate({ target: settings.key, set: { value: row.value } }).run();
        }
      }
      return readSettings(db);
    });
  }

  function assertMailboxExists(id: number | null): void {
    if (id !== null && !db.orm.select({ id: mailboxes.id }).from(mailboxes).where(eq(mailboxes.id, id)).get()) {
      throw invalidField('defaultSendingMailboxId', settingsMessages.sendingMailbox);
    }
  }

  return { read: () => readSettings(db), update };
}
