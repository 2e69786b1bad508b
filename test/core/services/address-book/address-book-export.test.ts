import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../../../../shared/contract';
import { startDemoCore, type DemoCore } from '../admin/demo-core';

let first: DemoCore;
let second: DemoCore;
let camille: Api;
let lucas: Api;
/** The demo's book: its other addresses and its contacts that have one, plus `tricky`. */
let bookSize: number;

/** Every character a file format must escape, and a name a spreadsheet would run as a formula. */
const tricky = {
  civility: 'mademoiselle',
  lastName: '=SOMME(A1)',
  firstName: 'Zoé-Ève "Zaza"',
  email: 'Zoe.Tricky@Example.fr',
  organisation: 'Durand; Fils, & Cie',
} as const;

beforeAll(async () => {
  first = startDemoCore();
  second = startDemoCore();
  camille = await first.as('Camille Martin');
  lucas = await second.as('Lucas Bernard');
  await camille.addressBook.create(tricky);
  bookSize = (await camille.addressBook.search({ limit: 500 })).length;
});
afterAll(() => {
  first.dispose();
  second.dispose();
});

describe('addressBook.exportFile', () => {
  it('writes a CSV French Excel opens as is: BOM, `;`, CRLF, French headers, formulas neutralised', async () => {
    const file = await camille.addressBook.exportFile({ format: 'csv' });
    expect(file).toMatchObject({ fileName: 'carnet-d-adresses-2025-03-14.csv', mimeType: 'text/csv;charset=utf-8' });
    const lines = file.content.split('\r\n');
    expect(lines[0]).toBe('\uFEFFCivilité;Nom;Prénom;E-mail;Société');
    expect(lines).toContain('Monsieur;Benoit;Hugo;hugo.benoit@transporteur.example.net;Transexpress');
    expect(lines).toContain(`Mademoiselle;'=SOMME(A1);"Zoé-Ève ""Zaza""";Zoe.Tricky@Example.fr;"Durand; Fils, & Cie"`);
    expect(lines).toHaveLength(1 + bookSize + 1); // header, the entries, the empty string after the last CRLF
  });

  it('writes one vCard 4 per entry with N, FN, EMAIL and ORG', async () => {
    const file = await camille.addressBook.exportFile({ format: 'vcard' });
    expect(file).toMatchObject({ fileName: 'carnet-d-adresses-2025-03-14.vcf', mimeType: 'text/vcard;charset=utf-8' });
    expect(file.content.match(/^BEGIN:VCARD\r$/gm)).toHaveLength(bookSize);
    expect(file.content).toContain('VERSION:4.0\r\nFN:Valérie Roche\r\nN:Roche;Valérie;;Mme;\r\n');
    expect(file.content).toContain('ORG:Durand\\; Fils\\, & Cie\r\n');
  });

  it('reads back what it wrote, in both formats, into another centre', async () => {
    for (const format of ['csv', 'vcard'] as const) {
      const file = await camille.addressBook.exportFile({ format });
      const report = await lucas.addressBook.importFile({ format, fileName: file.fileName, content: file.content });
      expect(report, format).toEqual(format === 'csv' ? { added: 1, updated: 0, unchanged: bookSize - 1, refused: [] } : { added: 0, updated: 0, unchanged: bookSize, refused: [] });
      expect((await lucas.addressBook.exportFile({ format })).content, format).toBe(file.content);
    }
    expect(await lucas.addressBook.search({ query: 'zaza' })).toMatchObject([tricky]);
  });
});
