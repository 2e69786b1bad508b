import { describe, expect, it } from 'vitest';
import { shownAddress } from '../../../electron/core/mail/sender-address';

describe('shownAddress: the sender as the message header shows it', () => {
  it('shows an international domain in punycode and warns when a label mixes alphabets', () => {
    expect(shownAddress('support@аpple.com')).toEqual({ address: 'support@xn--pple-43d.com', warning: 'mixed_scripts' });
  });

  it('warns on a domain that arrived already in punycode, once decoded', () => {
    expect(shownAddress('support@xn--pple-43d.com')).toEqual({ address: 'support@xn--pple-43d.com', warning: 'mixed_scripts' });
  });

  it('shows an honest international domain in punycode without a warning', () => {
    expect(shownAddress('contact@société.fr')).toEqual({ address: 'contact@xn--socit-esab.fr', warning: null });
  });

  it('leaves plain addresses and what is not an address as they are', () => {
    expect(shownAddress('Jeanne.Client@Example.org')).toEqual({ address: 'Jeanne.Client@Example.org', warning: null });
    expect(shownAddress('pas-une-adresse')).toEqual({ address: 'pas-une-adresse', warning: null });
    expect(shownAddress('x@exa mple.com')).toEqual({ address: 'x@exa mple.com', warning: null });
  });
});
