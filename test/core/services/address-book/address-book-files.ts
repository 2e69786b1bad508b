/** Files as other tools write them, for the import tests. */

const firstNames = ['Élodie', 'Loïc', 'Anaïs', 'Jérôme'];

/**
 * 100 cards, alternately vCard 3 (as Outlook and macOS write them: TYPE=INTERNET, N with a prefix)
 * and vCard 4; card n is ExpertNNN, expertNNN@cabinet.example.fr, "Cabinet n".
 */
export function hundredVcards(): string {
  const cards = Array.from({ length: 100 }, (_, index) => {
    const n = index + 1;
    const number = String(n).padStart(3, '0');
    const firstName = firstNames[n % firstNames.length] ?? '';
    const prefix = n % 2 === 0 ? 'Mme' : 'M.';
    const email = `expert${number}@cabinet.example.fr`;
    const version = n % 2 === 0 ? '3.0' : '4.0';
    const emailLine = version === '3.0' ? `EMAIL;TYPE=INTERNET:${email}` : `EMAIL:${email}`;
    return [
      'BEGIN:VCARD', `VERSION:${version}`, `FN:${firstName} Expert${number}`, `N:Expert${number};${firstName};;${prefix};`,
      emailLine, `ORG:Cabinet ${n}`, 'END:VCARD',
    ].join('\r\n');
  });
  return cards.join('\r\n') + '\r\n';
}
