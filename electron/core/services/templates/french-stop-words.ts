/**
 * Words that say nothing about what a message is about: French function words, plus the formulas
 * every e-mail and every template repeats (greetings, politeness). Written without accents, as
 * terms are compared once folded.
 */
const functionWords =
  'a ai aie aient aies ait al alors as au aucun aucune aupres aura aurai auraient aurais aurait auras aurez auriez ' +
  'aurions aurons auront aussi autre autres aux avaient avais avait avant avec avez aviez avions avoir avons ayant ' +
  'ayez ayons bien c ca ce ceci cela celle celles celui cependant certain certains ces cet cette ceux chaque chez ci ' +
  'comme comment d dans de depuis des deja donc dont du elle elles en encore entre es est et etaient etais etait ' +
  'etant ete etes etiez etions etre eu eue eues eurent eus eut eux fait faire fais faut font fut hui il ils j je ' +
  'jusqu l la le les leur leurs lors lui m ma mais me meme memes mes moi mon n ne ni non nos notre nous on ont ou ' +
  'par parce pas peu peut peuvent peux plus pour pourquoi pouvez pouvoir puis qu quand que quel quelle quelles ' +
  'quels qui quoi s sa sans se sera serai seraient serais serait seras serez seriez serions serons seront ses si ' +
  'sien soi soient sois soit sommes son sont sous soyez soyons suis sur t ta tandis te tes toi ton tous tout toute ' +
  'toutes tres trop tu un une unes uns vais vers via voici voila vont vos votre vous vu y';

const mailFormulas =
  'bonjour bonsoir madame monsieur mademoiselle messieurs mesdames cordialement salutations sincerement ' +
  'remerciements merci remercie remercions avance bonne journee disposition restons reste veuillez agreer ' +
  'distinguees expression sentiments respectueusement objet re tr fwd cher chere';

export const frenchStopWords: ReadonlySet<string> = new Set(`${functionWords} ${mailFormulas}`.split(/\s+/));
