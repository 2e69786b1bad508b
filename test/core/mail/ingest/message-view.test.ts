import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caseMessageSchema } from '../../../../shared/domain/case-detail';
import { caseMessages } from '../../../../electron/core/services/cases/case-thread';
import { caseOf, openIngestFixture, type IngestFixture } from './ingest-fixture';

let f: IngestFixture;
beforeEach(() => {
  f = openIngestFixture();
});
afterEach(() => f.dispose());

/** The incoming messages of a case as `cases.get` gives them to the screen. */
const shown = (caseId: number) => caseMessages(f.db, caseId).filter((message) => message.direction === 'in');

describe('what the case view is told about an incoming message', () => {
  it('names the case where its Message-ID was already seen', () => {
    const first = f.sink.ingest(f.incoming({ messageId: '<x@reused.example>' }));
    const second = caseOf(f.sink.ingest(f.incoming({ messageId: '<x@reused.example>', from: { address: 'autre@example.net' } })));
    const [message] = shown(second);
    expect(message?.messageIdSeenOn).toEqual({ caseId: caseOf(first), number: first.kind === 'new_case' ? first.number : '' });
    expect(shown(caseOf(first))[0]?.messageIdSeenOn).toBeNull();
    expect(caseMessageSchema.parse(message)).toEqual(message);
  });

  it('gives Reply-To, and the sender’s international domain in punycode with its warning', () => {
    const caseId = caseOf(
      f.sink.ingest(f.incoming({ from: { name: 'Apple Support', address: 'support@аpple.com' }, replyTo: [{ address: 'suivi@exemple.fr' }] })),
    );
    const [message] = shown(caseId);
    expect(message?.from).toEqual({ name: 'Apple Support', address: 'support@xn--pple-43d.com' });
    expect(message?.senderWarning).toBe('mixed_scripts');
    expect(message?.replyTo).toEqual([{ address: 'suivi@exemple.fr' }]);
  });

  it('warns about nothing on an ordinary sender', () => {
    const [message] = shown(caseOf(f.sink.ingest(f.incoming())));
    expect(message).toMatchObject({ senderWarning: null, replyTo: [], messageIdSeenOn: null });
  });
});
