import type { CaseState } from '../../../shared/domain/case-state';
import type { DemoAgentKey, DemoQueueKey } from './demo-data';

export interface DemoNote {
  by: DemoAgentKey;
  text: string;
}

/**
 * A demo case as the contact wrote it, and where it stands now. The seed derives its history,
 * replies and draft from `state` (see case-timeline.ts), so that every case is one the workflow
 * could have produced.
 */
export interface DemoCase {
  contact: string;
  queue: DemoQueueKey;
  state: CaseState;
  /** Absent: still waiting in its queue. */
  assignee?: DemoAgentKey;
  subject: string;
  question: string;
  receivedHoursAgo: number;
  qualification?: string;
  notes?: DemoNote[];
  /** The contact's answer that made the case `contact_replied`. */
  contactReply?: string;
  /** A `todo` case whose reply the supervisor refused, with her comment (the draft is kept). */
  rejectedWith?: string;
}

/** Twenty cases covering every state of PRODUCT.md, newest first. */
export const demoCases: readonly DemoCase[] = [
  { contact: 'dupont', queue: 'service', state: 'todo', receivedHoursAgo: 3,
    subject: 'Facture de mars incompréhensible',
    question: 'Bonjour,\n\nJe ne comprends pas le montant de ma facture de mars : 87,40 € au lieu de 39,90 € habituellement. Pouvez-vous m’expliquer cette différence ?\n\nCordialement,\nJean Dupont' },
  { contact: 'garcia', queue: 'service', state: 'todo', receivedHoursAgo: 5,
    subject: 'Où en est ma commande CMD-784512 ?',
    question: 'Bonjour,\n\nJ’ai passé commande il y a dix jours et je n’ai reçu aucune information d’expédition. Pouvez-vous me dire quand je serai livrée ?\n\nMerci,\nIsabelle Garcia' },
  { contact: 'roux', queue: 'complaints', state: 'todo', receivedHoursAgo: 7,
    subject: 'Colis reçu endommagé',
    question: 'Bonjour,\n\nLe colis de ma commande CMD-784977 est arrivé éventré et la cafetière qu’il contenait est fendue. Je souhaite un remplacement rapide.\n\nThomas Roux' },
  { contact: 'lambert', queue: 'service', state: 'todo', receivedHoursAgo: 9,
    subject: 'Changement d’adresse de livraison',
    question: 'Bonjour,\n\nJe déménage à la fin du mois. Comment puis-je modifier mon adresse de livraison pour mes prochaines commandes ?\n\nLéa Lambert' },
  { contact: 'peeters', queue: 'service', state: 'todo', receivedHoursAgo: 20,
    subject: 'Modification de mes coordonnées bancaires',
    question: 'Bonjour,\n\nJ’ai changé de banque. À qui dois-je envoyer mon nouveau RIB pour les prélèvements ?\n\nBien à vous,\nLuc Peeters' },
  { contact: 'fournier', queue: 'complaints', state: 'todo', receivedHoursAgo: 26,
    subject: 'Réclamation : prélèvement en double',
    question: 'Madame, Monsieur,\n\nVous avez prélevé deux fois mon abonnement ce mois-ci (2 × 29,90 €). Je vous demande de me rembourser le prélèvement en trop.\n\nNathalie Fournier' },
  { contact: 'mercier', queue: 'complaints', state: 'todo', assignee: 'lucas', receivedHoursAgo: 28,
    subject: 'Retard de livraison sur chantier',
    question: 'Bonjour,\n\nLes matériaux commandés pour notre chantier de Mérignac devaient être livrés lundi. Nous sommes jeudi et rien n’est arrivé : nos équipes sont à l’arrêt.\n\nFrançois Mercier\nMercier & Fils',
    notes: [{ by: 'lucas', text: 'Transporteur relancé par téléphone, attend un retour avant midi.' }] },
  { contact: 'lefebvre', queue: 'service', state: 'todo', assignee: 'camille', receivedHoursAgo: 30,
    subject: 'Demande de duplicata de facture',
    question: 'Bonjour,\n\nPourriez-vous m’envoyer un duplicata de ma facture de janvier ? Je ne la retrouve pas dans mon espace client.\n\nMarie Lefebvre' },
  { contact: 'lemaire', queue: 'service', state: 'in_validation', assignee: 'camille', receivedHoursAgo: 35,
    subject: 'Demande de geste commercial', qualification: 'Geste commercial',
    question: 'Bonjour,\n\nClient depuis huit ans, j’ai subi trois coupures de service ce mois-ci. J’estime avoir droit à un geste commercial.\n\nOlivier Lemaire' },
  { contact: 'guerin', queue: 'service', state: 'todo_bis', assignee: 'lucas', receivedHoursAgo: 40,
    subject: 'Question sur mon abonnement',
    question: 'Bonjour,\n\nMon abonnement arrive à échéance le mois prochain. Sera-t-il reconduit automatiquement, et à quel tarif ?\n\nAntoine Guérin' },
  { contact: 'laurent', queue: 'complaints', state: 'in_validation', assignee: 'lucas', receivedHoursAgo: 44,
    subject: 'Contestation de pénalités de retard', qualification: 'Erreur de facture',
    question: 'Bonjour,\n\nVous nous facturez 150 € de pénalités de retard alors que le virement a été émis à la date prévue. Vous trouverez la preuve du virement sur demande.\n\nMarc Laurent\nTransports Laurent' },
  { contact: 'blanc', queue: 'service', state: 'todo_bis', assignee: 'camille', receivedHoursAgo: 48,
    subject: 'Commande CMD-785230 incomplète',
    question: 'Bonjour,\n\nJ’ai bien reçu ma commande mais il manque le chargeur indiqué sur le bon de livraison.\n\nHélène Blanc',
    notes: [{ by: 'camille', text: 'Vérification du stock en cours auprès de l’entrepôt.' }] },
  { contact: 'girard', queue: 'service', state: 'todo', assignee: 'camille', receivedHoursAgo: 52,
    subject: 'Résiliation de mon contrat', qualification: 'Résiliation',
    question: 'Bonjour,\n\nJe souhaite résilier mon contrat CT-2019-00077 à la date anniversaire. Merci de me confirmer la prise en compte.\n\nPhilippe Girard',
    rejectedWith: 'Merci de rappeler le préavis d’un mois et la date exacte de fin de contrat avant d’envoyer.' },
  { contact: 'faure', queue: 'service', state: 'waiting_contact', assignee: 'camille', receivedHoursAgo: 60,
    subject: 'Remboursement non reçu', qualification: 'Remboursement',
    question: 'Bonjour,\n\nVous m’avez annoncé un remboursement il y a trois semaines et je ne vois toujours rien sur mon compte.\n\nJulien Faure' },
  { contact: 'rousseau', queue: 'service', state: 'waiting_contact', assignee: 'lucas', receivedHoursAgo: 66,
    subject: 'Accès à l’espace client impossible',
    question: 'Bonjour,\n\nDepuis hier, je ne parviens plus à me connecter à mon espace client : le site m’indique que mon mot de passe est incorrect.\n\nNicolas Rousseau' },
  { contact: 'bonnet', queue: 'service', state: 'contact_replied', assignee: 'camille', receivedHoursAgo: 74,
    subject: 'Demande d’échéancier de paiement', qualification: 'Échéancier de paiement',
    question: 'Bonjour,\n\nSuite à une baisse de revenus, je ne peux pas régler ma facture de 240 € en une fois. Est-il possible de payer en plusieurs fois ?\n\nÉlodie Bonnet',
    contactReply: 'Bonjour,\n\nMerci pour votre réponse. Je vous confirme que trois mensualités de 80 € me conviennent.\n\nÉlodie Bonnet',
    notes: [{ by: 'camille', text: 'Échéancier en 3 fois validé par la comptabilité.' }] },
  { contact: 'andre', queue: 'service', state: 'waiting_contact', assignee: 'camille', receivedHoursAgo: 80,
    subject: 'Attestation de contrat', qualification: 'Attestation',
    question: 'Bonjour,\n\nJ’ai besoin d’une attestation de mon contrat pour mon dossier de location.\n\nSandrine André' },
  { contact: 'vincent', queue: 'complaints', state: 'contact_replied', assignee: 'lucas', receivedHoursAgo: 96,
    subject: 'Erreur de facturation sur le mois de février', qualification: 'Erreur de facture',
    question: 'Bonjour,\n\nNotre facture de février comporte deux lignes pour le même terminal de paiement.\n\nAurélie Vincent\nPharmacie Vincent',
    contactReply: 'Bonjour,\n\nVoici le numéro de série demandé : TPE-4471-B. Merci de corriger rapidement.\n\nAurélie Vincent' },
  { contact: 'perrin', queue: 'service', state: 'closed', assignee: 'camille', receivedHoursAgo: 120,
    subject: 'Pièce justificative manquante', qualification: 'Demande d’information',
    question: 'Bonjour,\n\nVous me demandez un justificatif de domicile : une facture d’électricité convient-elle ?\n\nChristine Perrin' },
  { contact: 'dupont', queue: 'complaints', state: 'closed', assignee: 'lucas', receivedHoursAgo: 140,
    subject: 'Échange d’un produit défectueux', qualification: 'Produit défectueux',
    question: 'Bonjour,\n\nLa bouilloire achetée le mois dernier ne chauffe plus. Elle est sous garantie : comment procéder à l’échange ?\n\nJean Dupont',
    notes: [{ by: 'lucas', text: 'Bon de retour envoyé, échange standard accordé.' }, { by: 'sophie', text: 'OK pour l’échange sans expertise.' }] },
];
