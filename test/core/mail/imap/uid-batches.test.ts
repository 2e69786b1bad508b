import { describe, expect, it } from 'vitest';
import { planBatches } from '../../../../electron/core/mail/imap/uid-batches';

const limits = { maxUids: 3, maxBytes: 1_000, maxMessageBytes: 600 };
const shape = (batches: ReturnType<typeof planBatches>) => batches.map((batch) => batch.map((m) => `${m.uid}${m.fate === 'oversize' ? '!' : ''}`));

describe('planBatches', () => {
  it('sorts by UID and cuts at the UID limit', () => {
    const listed = [5, 1, 4, 2, 3, 6, 7].map((uid) => ({ uid, size: 10 }));
    expect(shape(planBatches(listed, limits))).toEqual([['1', '2', '3'], ['4', '5', '6'], ['7']]);
  });

  it('cuts at the byte limit, and a message alone may fill a batch', () => {
    const listed = [{ uid: 1, size: 500 }, { uid: 2, size: 400 }, { uid: 3, size: 200 }, { uid: 4, size: 600 }, { uid: 5, size: 600 }];
    expect(shape(planBatches(listed, limits))).toEqual([['1', '2'], ['3', '4'], ['5']]);
  });

  it('marks over-size messages, which count towards the UIDs but not the bytes', () => {
    const listed = [{ uid: 1, size: 500 }, { uid: 2, size: 50_000_000 }, { uid: 3, size: 500 }, { uid: 4, size: 10 }];
    expect(shape(planBatches(listed, limits))).toEqual([['1', '2!', '3'], ['4']]);
  });

  it('plans nothing for nothing', () => {
    expect(planBatches([], limits)).toEqual([]);
  });
});
