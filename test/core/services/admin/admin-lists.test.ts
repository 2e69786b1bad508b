import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formFieldTypes } from '../../../../shared/domain/admin/form-schema';
import { caseActions } from '../../../../shared/domain/case-actions';
import { defaultSettings } from '../../../../shared/domain/admin/settings-schema';
import { caseActions as storedCaseActions, formFieldTypes as storedFieldTypes } from '../../../../electron/core/db/schema';
import { readSettings } from '../../../../electron/core/services/admin/settings';
import { openDemoDatabase, type TempDatabase } from '../../temp-database';

let temp: TempDatabase;

beforeAll(() => {
  temp = openDemoDatabase();
});
afterAll(() => temp.dispose());

describe('lists the shared schemas repeat from the tables', () => {
  it('keeps the form field types and the case actions equal on both sides', () => {
    expect([...formFieldTypes]).toEqual([...storedFieldTypes]);
    expect([...caseActions]).toEqual([...storedCaseActions]);
  });
});

describe('readSettings', () => {
  it('reads the demo’s plain-text rows and falls back to the default for a missing or unreadable one', () => {
    // The demo's own mailbox is its default sending mailbox.
    const demo = { ...defaultSettings, defaultSendingMailboxId: 1 };
    expect(readSettings(temp.db)).toEqual(demo);
    const write = temp.db.sqlite.prepare('INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)');
    write.run('default_country', 'CH');
    write.run('acknowledgement_daily_limit', 'beaucoup');
    write.run('local_model_url', 'https://cloud.example.com');
    write.run('reply_mailbox_id', 'la boîte du service');
    expect(readSettings(temp.db)).toEqual({ ...defaultSettings, defaultCountry: 'CH' });
  });
});
