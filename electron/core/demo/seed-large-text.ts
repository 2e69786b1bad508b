import type { Random } from './seed-large-random';

/**
 * The words of the large seed: requests by theme (one per leaf qualification of the demo), so that
 * search meets the mix of very common and rare words a real centre's mail has.
 */
interface Theme {
  qualification: string;
  subjects: readonly string[];
  sentences: readonly string[];
}

const themes: readonly Theme[] = [
  { qualification: 'Erreur de facture', subjects: ['Erreur sur ma facture de {month}', 'Montant de facture incorrect', 'Facture {amount} € contestée'],
    sentences: ['Ma facture de {month} s’élève à {amount} € alors que mon forfait est bien moins cher.', 'Je pense qu’une option que je n’ai jamais souscrite m’a été facturée.', 'Pouvez-vous vérifier le détail de la facturation de mon contrat {contract} ?'] },
  { qualification: 'Remboursement', subjects: ['Demande de remboursement', 'Remboursement toujours pas reçu', 'Trop-perçu de {amount} €'],
    sentences: ['J’attends le remboursement de {amount} € promis le mois dernier.', 'Le prélèvement a été effectué deux fois sur mon compte bancaire.', 'Merci de procéder au virement sur mon nouveau RIB.'] },
  { qualification: 'Échéancier de paiement', subjects: ['Demande d’échéancier', 'Paiement en plusieurs fois', 'Report de paiement'],
    sentences: ['Je traverse une période difficile et souhaite étaler le paiement de {amount} €.', 'Est-il possible de payer en trois mensualités ?', 'Je vous propose de régler le solde avant la fin de {month}.'] },
  { qualification: 'Retard de livraison', subjects: ['Où en est ma commande {order} ?', 'Livraison en retard', 'Commande {order} non reçue'],
    sentences: ['Ma commande {order} devait être livrée la semaine dernière.', 'Le transporteur indique que le colis est bloqué en entrepôt.', 'Je n’ai reçu aucune information d’expédition depuis ma commande.'] },
  { qualification: 'Colis endommagé', subjects: ['Colis reçu endommagé', 'Article cassé à la livraison', 'Carton abîmé, commande {order}'],
    sentences: ['Le colis de la commande {order} est arrivé éventré.', 'L’article était cassé à l’ouverture, je joins des photos.', 'Je souhaite un remplacement rapide ou un avoir.'] },
  { qualification: 'Changement d’adresse', subjects: ['Changement d’adresse', 'Nouvelle adresse de livraison', 'Déménagement en {month}'],
    sentences: ['Je déménage en {month} et souhaite modifier mon adresse.', 'Merci de mettre à jour mes coordonnées postales.', 'Mes prochaines livraisons doivent arriver à ma nouvelle adresse.'] },
  { qualification: 'Résiliation', subjects: ['Résiliation de mon contrat {contract}', 'Demande de résiliation', 'Fin d’abonnement'],
    sentences: ['Je souhaite résilier mon contrat {contract} à la date anniversaire.', 'Merci de me confirmer la prise en compte de ma résiliation.', 'Y a-t-il des frais de résiliation anticipée ?'] },
  { qualification: 'Modification', subjects: ['Modification de mon contrat', 'Changement de formule', 'Ajout d’une option'],
    sentences: ['Je voudrais passer à la formule supérieure dès {month}.', 'Comment ajouter une option à mon contrat {contract} ?', 'Ma situation a changé, je dois modifier mon abonnement.'] },
  { qualification: 'Attestation', subjects: ['Demande d’attestation', 'Attestation pour mon employeur', 'Justificatif de contrat'],
    sentences: ['Pouvez-vous m’envoyer une attestation pour le contrat {contract} ?', 'Mon employeur me demande un justificatif avant fin {month}.', 'Un document au format PDF me conviendrait parfaitement.'] },
  { qualification: 'Produit défectueux', subjects: ['Produit défectueux', 'Appareil en panne après une semaine', 'Garantie, commande {order}'],
    sentences: ['L’appareil de la commande {order} ne s’allume plus.', 'Le produit présente un défaut de fabrication évident.', 'Je demande l’application de la garantie.'] },
  { qualification: 'Geste commercial', subjects: ['Demande de geste commercial', 'Coupures de service répétées', 'Compensation attendue'],
    sentences: ['Client depuis des années, j’ai subi plusieurs coupures en {month}.', 'J’estime avoir droit à un geste commercial.', 'Un avoir de {amount} € me semblerait juste.'] },
  { qualification: 'Demande d’information', subjects: ['Question sur vos offres', 'Renseignement', 'Horaires et contact'],
    sentences: ['Pouvez-vous me renseigner sur vos offres actuelles ?', 'Quels sont vos délais de traitement habituels ?', 'Je cherche le bon interlocuteur pour une question sur mon contrat {contract}.'] },
];

const months = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const greetings = ['Bonjour,', 'Madame, Monsieur,', 'Bonjour Madame, Bonjour Monsieur,'];
const closings = ['Cordialement,', 'Merci d’avance,', 'Bien à vous,', 'Dans l’attente de votre réponse,'];

export interface CaseText {
  qualification: string;
  subject: string;
  question: string;
}

/** Order and contract references the themes quote, as the demo writes them. */
export interface References {
  order: string;
  contract: string;
}

function fill(template: string, random: Random, refs: References): string {
  return template
    .replace('{month}', random.pick(months))
    .replace('{amount}', `${10 + random.below(190)},${random.digits(2)}`)
    .replace('{order}', refs.order)
    .replace('{contract}', refs.contract);
}

/** A request as a contact writes it: greeting, two or three sentences of one theme, signature. */
export function caseText(random: Random, refs: References, signature: string): CaseText {
  const theme = random.pick(themes);
  // Two or three different sentences, from a random one on, in turn.
  const first = random.below(theme.sentences.length);
  const sentences = Array.from({ length: 2 + random.below(2) }, (_, i) =>
    fill(theme.sentences[(first + i) % theme.sentences.length] as string, random, refs),
  );
  const question = `${random.pick(greetings)}\n\n${sentences.join(' ')}\n\n${random.pick(closings)}\n${signature}`;
  return { qualification: theme.qualification, subject: fill(random.pick(theme.subjects), random, refs), question };
}

/**
 * A tracking number unique to each case (index × a prime coprime with 10⁸, modulo 10⁸): the token
 * tests search for in the contact's answers, which only the messages hold.
 */
export const trackingNumber = (index: number) => `TRK${String((index * 7919 + 12345) % 100_000_000).padStart(8, '0')}`;

/** The contact's answer to our request for details. */
export function contactAnswerText(index: number, clientNumber: string, signature: string): string {
  return (
    `Bonjour,\n\nVoici les informations demandées : mon numéro de client est ${clientNumber}. ` +
    `Le numéro de suivi de mon envoi est ${trackingNumber(index)}.\n\nCordialement,\n${signature}`
  );
}
