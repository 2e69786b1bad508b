import { describe, expect, it } from 'vitest';
import { personNameOf } from '../../../../electron/core/mail/ingest/display-name';

describe('personNameOf', () => {
  it.each([
    ['Jean Dupont', 'Jean', 'Dupont'],
    ['Jean DUPONT', 'Jean', 'DUPONT'],
    ['DUPONT Jean', 'Jean', 'DUPONT'],
    ['Dupont, Jean', 'Jean', 'Dupont'],
    ['"Jean-Pierre Martin"', 'Jean-Pierre', 'Martin'],
    ['Marie de la Tour', 'Marie', 'de la Tour'],
    ['Anne Marie Durand', 'Anne Marie', 'Durand'],
    ['Madonna', '', 'Madonna'],
    ['  J. MARTIN  ', 'J.', 'MARTIN'],
  ])('splits "%s" into %s / %s', (name, firstName, lastName) => {
    expect(personNameOf({ name, address: 'x@example.org' })).toEqual({ firstName, lastName });
  });

  it('falls back on the local part of the address', () => {
    expect(personNameOf({ address: 'jean.dupont@example.org' })).toEqual({ firstName: 'Jean', lastName: 'Dupont' });
    expect(personNameOf({ name: 'jdupont@example.org', address: 'jdupont@example.org' })).toEqual({ firstName: '', lastName: 'jdupont' });
  });

  it('keeps each name within the form’s 50 characters', () => {
    const { firstName, lastName } = personNameOf({ name: `${'A'.repeat(70)}b ${'Z'.repeat(80)}`, address: 'x@y.z' });
    expect(firstName.length).toBeLessThanOrEqual(50);
    expect(lastName).toBe('Z'.repeat(50));
  });
});
