import { describe, expect, it } from 'vitest';
import { newMessageId, replySubject } from '../../../../electron/core/mail/outgoing-message';
import { caseNumberOfMessageId, caseNumbersInSubject, messageIdsOf } from '../../../../electron/core/mail/ingest/case-reference';

describe('case references in mail', () => {
  it('reads the case number back from the Message-IDs our replies carry', () => {
    expect(caseNumberOfMessageId(newMessageId('000123', 'contact@centre.fr'))).toBe('000123');
    expect(caseNumberOfMessageId('<ud.1000000.0123456789abcdef01234567@centre.fr>')).toBe('1000000');
    expect(caseNumberOfMessageId('<ud.123.0123456789abcdef01234567@centre.fr>')).toBeNull();
    // Without the random part, anyone can write it from a case number: nobody's.
    expect(caseNumberOfMessageId('<ud.000123.ab@centre.fr>')).toBeNull();
    expect(caseNumberOfMessageId('<CAF=x+ud.000123.ab@mail.gmail.com>')).toBeNull();
  });

  it('reads the tokens of a subject, as our replies write them', () => {
    expect(caseNumbersInSubject(replySubject('Facture', '000042'))).toEqual(['000042']);
    expect(caseNumbersInSubject('TR: [#000001] et [#000002] [#000001]')).toEqual(['000001', '000002']);
    expect(caseNumbersInSubject('Commande #000001')).toEqual([]);
  });

  it('splits an In-Reply-To holding several ids, and keeps a bare one', () => {
    expect(messageIdsOf('<a@x> (comment) <b@y>')).toEqual(['<a@x>', '<b@y>']);
    expect(messageIdsOf('a@x')).toEqual(['a@x']);
    expect(messageIdsOf(null)).toEqual([]);
  });
});
