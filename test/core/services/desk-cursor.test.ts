import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/contract';
import { decodeDeskCursor, encodeDeskCursor } from '../../../electron/core/services/desk-cursor';

const refusal = (token: string, sort = 'received:desc', keys = 1) => {
  try {
    decodeDeskCursor(token, sort, keys);
  } catch (error) {
    if (error instanceof AppFailure) return error.error;
    throw error;
  }
  throw new Error('expected a refusal');
};

const forge = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('desk cursor', () => {
  it('gives back the position it encoded, for one key or several', () => {
    const one = { sort: 'received:desc', keys: ['2025-03-14T10:00:00.000Z'], id: 42 };
    expect(decodeDeskCursor(encodeDeskCursor(one), 'received:desc', 1)).toEqual(one);
    const two = { sort: 'state:asc', keys: [3, '2025-03-14T10:00:00.000Z'], id: 7 };
    expect(decodeDeskCursor(encodeDeskCursor(two), 'state:asc', 2)).toEqual(two);
  });

  it('keeps keys that contain the characters a naive format would split on', () => {
    const odd = { sort: 'number:asc', keys: ['00|12"3'], id: 1 };
    expect(decodeDeskCursor(encodeDeskCursor(odd), 'number:asc', 1)).toEqual(odd);
  });

  it('is short enough for the schema (200 characters)', () => {
    const cursor = encodeDeskCursor({ sort: 'state:desc', keys: [5, '2025-03-14T10:00:00.000Z'], id: 999_999_999 });
    expect(cursor.length).toBeLessThan(200);
  });

  it('refuses a cursor made for another sort: the list was re-sorted', () => {
    const token = encodeDeskCursor({ sort: 'received:desc', keys: ['2025-03-14T10:00:00.000Z'], id: 1 });
    expect(refusal(token, 'received:asc')).toMatchObject({ code: 'validation', fields: { after: expect.stringMatching(/rechargez/) } });
    expect(refusal(token, 'number:desc').code).toBe('validation');
  });

  it.each([
    ['not base64 JSON', 'pas-un-curseur'],
    ['an object', forge({ sort: 'received:desc' })],
    ['the wrong number of keys', forge(['received:desc', ['a', 'b'], 1])],
    ['a key of the wrong type', forge(['received:desc', [{}], 1])],
    ['a zero id', forge(['received:desc', ['a'], 0])],
    ['a fractional id', forge(['received:desc', ['a'], 1.5])],
    ['an extra element', forge(['received:desc', ['a'], 1, 'x'])],
  ])('refuses %s', (_what, token) => {
    expect(refusal(token)).toMatchObject({ code: 'validation', fields: { after: expect.any(String) } });
  });
});
