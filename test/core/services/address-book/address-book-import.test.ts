import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../../../../shared/contract';
import { importMaxChars, importTooLarge } from '../../../../shared/domain/address-book-view';
import { refusal, startDemoCore, type DemoCore } from '../admin/demo-core';
import { hundredVcards } from './address-book-files';

let demo: DemoCore;
let camille: Api;

beforeEach(async () => {
  demo = startDemoCore();
  camille = await demo.as('Camille Martin');
});
afterEach(() => demo.dispose());

/** Every table but the address book, to check an import wrote nowhere else. */
function everythingButTheBook() {
  const { address_book_entries: _book, ...rest } = demo.dump();
  return rest;
}

/** Line 1 is the header; line 4 spans two lines (a quoted organisation with a line break); line 8 is blank. */
const csvWithThreeBadRows = [
  '\uFEFFCivilité;Nom;Prénom;E-mail;Société',
  'Madame;Aubert;Lina;lina.aubert@partenaire.example.fr;"Aubert; Associés"',
  ';;Sans;sans.nom@example.fr;',
  'M.;Blanchard;Marc;marc.blanchard@example.fr;"Bureau',
  'Nord"',
  'Mme;Colin;Eva;eva.colin(at)example.fr;',
  'Mademoiselle;Dias;Inès;INES.DIAS@example.fr;',
  '',
  `Monsieur;Lenoir;${'A'.repeat(51)};a.lenoir@example.fr;`,
  'monsieur;Perrin;Luc;luc.perrin@example.fr;',
].join('\r\n');

describe('addressBook.importFile', () => {
  it('lands 100 vCards and the good CSV rows, reports the 3 bad rows by line, changes nothing else', async () => {
    const before = everythingButTheBook();
    const bookBefore = (await camille.addressBook.search({ limit: 500 })).length;
    const cards = await camille.addressBook.importFile({ format: 'vcard', fileName: 'experts.vcf', content: hundredVcards() });
    expect(cards).toEqual({ added: 100, updated: 0, unchanged: 0, refused: [] });

    const csv = await camille.addressBook.importFile({ format: 'csv', fileName: 'partenaires.csv', content: csvWithThreeBadRows });
    expect(csv.added).toBe(4);
    expect(csv.refused).toEqual([
      { line: 3, reason: 'Nom : Le nom est obligatoire.', value: '' },
      { line: 6, reason: 'E-mail : Adresse e-mail invalide.', value: 'eva.colin(at)example.fr' },
      { line: 9, reason: 'Prénom : 50 caractères au maximum.', value: 'A'.repeat(51) },
    ]);

    expect(await camille.addressBook.search({ limit: 500 })).toHaveLength(bookBefore + 100 + 4);
    expect(await camille.addressBook.search({ query: 'anais expert042' })).toMatchObject([
      { lastName: 'Expert042', firstName: 'Anaïs', civility: 'madame', email: 'expert042@cabinet.example.fr', organisation: 'Cabinet 42' },
    ]);
    expect(await camille.addressBook.search({ query: 'aubert' })).toMatchObject([{ civility: 'madame', organisation: 'Aubert; Associés' }]);
    expect(await camille.addressBook.search({ query: 'blanchard' })).toMatchObject([{ civility: 'monsieur', organisation: 'Bureau Nord' }]);
    expect(await camille.addressBook.search({ query: 'ines' })).toMatchObject([{ civility: 'mademoiselle', email: 'INES.DIAS@example.fr' }]);
    expect(everythingButTheBook()).toEqual(before);
  });

  it('updates an address already in the book from the file, whatever its case, keeping what the file does not give', async () => {
    const csv = 'email,lastName,firstName,organisation\nV.ROCHE@expertise-roche.example.com,Roche,Valérie,Roche & Fils\n' +
      'hugo.benoit@transporteur.example.net,Benoit,Hugo,Transexpress\n';
    const report = await camille.addressBook.importFile({ format: 'csv', fileName: 'maj.csv', content: csv });
    expect(report).toEqual({ added: 0, updated: 1, unchanged: 1, refused: [] });
    expect(await camille.addressBook.search({ query: 'roche' })).toMatchObject([
      { email: 'V.ROCHE@expertise-roche.example.com', organisation: 'Roche & Fils', civility: 'madame' },
    ]);
  });

  it('refuses a second row with an address the file already gave', async () => {
    const csv = 'Nom;E-mail\nUn;double@example.fr\nDeux;Double@Example.fr\n';
    const report = await camille.addressBook.importFile({ format: 'csv', fileName: 'double.csv', content: csv });
    expect(report).toMatchObject({ added: 1, refused: [{ line: 3, reason: 'E-mail : adresse déjà présente ligne 2 du fichier.', value: 'Double@Example.fr' }] });
  });

  it('reads vCard 3 and 4 cards: N or else FN, the prefix as civility, the first EMAIL, ORG parts', async () => {
    const content = [
      'BEGIN:VCARD', 'VERSION:3.0', 'N:Garnier;Rose;;Mme;', 'FN:Rose Garnier', 'EMAIL;TYPE=INTERNET,pref:rose@garnier.example.fr',
      'EMAIL:autre@garnier.example.fr', 'ORG:Garnier SA;Sinistres', 'END:VCARD',
      'BEGIN:VCARD', 'VERSION:4.0', 'FN:Jean-Michel Petit', 'EMAIL:jm.petit@example.fr', 'END:VCARD',
      'BEGIN:VCARD', 'VERSION:4.0', 'FN:Sans adresse', 'END:VCARD',
    ].join('\r\n');
    const report = await camille.addressBook.importFile({ format: 'vcard', fileName: 'c.vcf', content });
    expect(report).toEqual({ added: 2, updated: 0, unchanged: 0, refused: [{ line: 14, reason: "E-mail : L'adresse e-mail est obligatoire.", value: '' }] });
    expect(await camille.addressBook.search({ query: 'garnier' })).toMatchObject([
      { civility: 'madame', lastName: 'Garnier', firstName: 'Rose', email: 'rose@garnier.example.fr', organisation: 'Garnier SA, Sinistres' },
    ]);
    expect(await camille.addressBook.search({ query: 'petit' })).toMatchObject([{ lastName: 'Petit', firstName: 'Jean-Michel' }]);
  });

  it('refuses a whole file it cannot read, on `content`, in French, and writes nothing', async () => {
    const before = demo.dump();
    const cases: Array<[Parameters<Api['addressBook']['importFile']>[0], string]> = [
      [{ format: 'csv', fileName: 'a.csv', content: 'Nom;E-mail\n"Dupont;x@y.fr\n' }, 'Le fichier CSV est mal formé (ligne 2) : vérifiez les guillemets et les séparateurs.'],
      [{ format: 'csv', fileName: 'a.csv', content: 'Nom;Téléphone\nDupont;0102030405\n' }, 'Colonne « E-mail » introuvable sur la première ligne. Colonnes attendues : Civilité, Nom, Prénom, E-mail, Société.'],
      [{ format: 'vcard', fileName: 'a.vcf', content: 'BEGIN:VCARD\nFN:x\n' }, 'Le fichier vCard est mal formé : chaque fiche doit aller de BEGIN:VCARD à END:VCARD.'],
      [{ format: 'vcard', fileName: 'a.vcf', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' }, 'Aucune fiche vCard (BEGIN:VCARD) dans ce fichier.'],
      [{ format: 'csv', fileName: 'big.csv', content: 'x'.repeat(importMaxChars + 1) }, importTooLarge],
    ];
    for (const [input, message] of cases) {
      const refused = await refusal(camille.addressBook.importFile(input));
      expect([refused.code, refused.fields], input.content.slice(0, 40)).toEqual(['validation', { content: message }]);
    }
    expect(demo.dump()).toEqual(before);
  });
});
