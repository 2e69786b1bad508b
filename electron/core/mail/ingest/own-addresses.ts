import { normalizeEmail } from '../../../../shared/domain/field-rules';
import type { Database } from '../../db/database';
import { mailboxes } from '../../db/schema';

/**
 * The centre's own addresses (every mailbox, active or not), normalised: mail from them is our own
 * coming back, and nothing automatic is ever sent to them (PRODUCT.md "Incoming routing": mail loops).
 */
export function ownAddresses(db: Database): Set<string> {
  const rows = db.orm.select({ address: mailboxes.address }).from(mailboxes).all();
  return new Set(rows.map((row) => normalizeEmail(row.address)));
}
