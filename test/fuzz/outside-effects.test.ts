import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { callDef, type CallName } from '../../shared/contract';
import type { MailboxTestInput } from '../../shared/domain/mailbox';
import { callInputs } from './contract-inputs';
import { neutralise, type Neutralisers } from './outside-effects';

const today = new Date('2025-03-14T10:00:00.000Z');
const neutralisers: Neutralisers = { sinkPort: 4999, fuzzAccountIds: [1, 3, 4], spareAccountId: 2 };
const pools = { emails: [], staged: [] };

const anyInput = (name: CallName) => {
  const { valid, hostile } = callInputs(name, today, pools);
  return fc.oneof(valid, hostile);
};

describe('what the fuzz rewrites before sending', () => {
  it.each(['mailboxes.create', 'mailboxes.update', 'mailboxes.test'] as const)(
    '%s: every input the core accepts reaches only the sink on 127.0.0.1',
    (name) => {
      fc.assert(
        fc.property(anyInput(name), (input) => {
          const parsed = callDef(name).input.safeParse(neutralise(name, input, neutralisers));
          if (!parsed.success) return;
          const data = parsed.data as MailboxTestInput;
          const settings = name === 'mailboxes.test' ? data.settings : (data as unknown as MailboxTestInput['settings']);
          for (const endpoint of settings ? [settings.imap, settings.smtp] : []) {
            expect(endpoint).toMatchObject({ host: '127.0.0.1', port: 4999 });
          }
        }),
        { numRuns: 200 },
      );
    },
  );

  it('sends the administrator to the spare account instead of the fuzz own ones', () => {
    expect(neutralise('admin.setAgentPassword', { id: 4, password: 'x' }, neutralisers)).toEqual({ id: 2, password: 'x' });
    expect(neutralise('admin.updateAgent', { id: 7, active: false }, neutralisers)).toEqual({ id: 7, active: false });
    expect(neutralise('cases.get', { caseId: 4 }, neutralisers)).toEqual({ caseId: 4 });
  });
});
