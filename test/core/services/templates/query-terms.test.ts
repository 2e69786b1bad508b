import { describe, expect, it } from 'vitest';
import { allOf, anyOf, meaningfulTerms, stem } from '../../../../electron/core/services/templates/query-terms';

describe('query terms for FTS5', () => {
  it('keeps the meaningful words of a message, folded and stemmed, once each', () => {
    const question =
      'Bonjour,\n\nLe colis de ma commande CMD-784977 est arrivé éventré et la cafetière qu’il contenait est fendue. ' +
      'Je souhaite un remplacement rapide.\n\nCordialement, Thomas Roux';
    expect(meaningfulTerms(question)).toEqual([
      'coli', 'command', 'cmd', '784977', 'arriv', 'eventr', 'cafetier', 'contenait', 'fendu', 'souhait', 'remplac',
      'rapid', 'thoma', 'roux',
    ]);
  });

  it('lets related French forms meet on one stem', () => {
    expect(stem('remboursement')).toBe(stem('rembourser'));
    expect(stem('remboursement')).toBe('rembours');
    expect(stem('facture')).toBe('factur');
    expect(stem('colis')).toBe('coli');
  });

  it('never lets FTS syntax through', () => {
    const terms = meaningfulTerms('NEAR(colis "endommagé") OR -livraison* col:umn ^début');
    expect(terms).toEqual(['near', 'coli', 'endommag', 'livraison', 'col', 'umn', 'debut']);
    expect(anyOf(terms)).toBe('"near"* OR "coli"* OR "endommag"* OR "livraison"* OR "col"* OR "umn"* OR "debut"*');
    expect(allOf(['coli', '2024'])).toBe('"coli"* AND "2024"');
  });

  it('has nothing to look for in greetings, stop words and short numbers', () => {
    expect(meaningfulTerms('Bonjour Madame, merci de votre réponse : 12 € le 3/4. Cordialement')).toEqual(['repons']);
    expect(anyOf(meaningfulTerms('Bonjour, merci !'))).toBeNull();
  });
});
