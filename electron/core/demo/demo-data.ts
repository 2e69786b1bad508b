import type { Role } from '../../../shared/domain/agent';
import type { Distribution, Media } from '../../../shared/domain/case-state';
import type { Civility } from '../db/schema';

/**
 * The demo contact centre's set-up: who works there, its queues, forms, qualifications and
 * address book. Templates, contacts and cases are in demo-templates.ts, demo-contacts.ts, demo-cases.ts.
 */

/** Every demo agent signs in with this password (shown on the demo's sign-in screen). */
export const demoPassword = 'demo';

export type DemoAgentKey = 'camille' | 'lucas' | 'sophie' | 'admin';

export interface DemoAgent {
  key: DemoAgentKey;
  login: string;
  displayName: string;
  role: Role;
  email: string;
  mayChangeRecipient: boolean;
  signatureHtml: string;
}

const signature = (name: string, team: string) =>
  `<p>${name}<br>${team}<br>Centre de relation clients</p>`;

export const demoAgents: readonly DemoAgent[] = [
  {
    key: 'camille',
    login: 'camille.martin',
    displayName: 'Camille Martin',
    role: 'agent',
    email: 'camille.martin@centre-demo.example.com',
    mayChangeRecipient: false,
    signatureHtml: signature('Camille Martin', 'Service clients'),
  },
  {
    key: 'lucas',
    login: 'lucas.bernard',
    displayName: 'Lucas Bernard',
    role: 'agent',
    email: 'lucas.bernard@centre-demo.example.com',
    mayChangeRecipient: true,
    signatureHtml: signature('Lucas Bernard', 'Service réclamations'),
  },
  {
    key: 'sophie',
    login: 'sophie.durand',
    displayName: 'Sophie Durand',
    role: 'supervisor',
    email: 'sophie.durand@centre-demo.example.com',
    mayChangeRecipient: true,
    signatureHtml: signature('Sophie Durand', 'Superviseure'),
  },
  {
    key: 'admin',
    login: 'admin',
    displayName: 'Admin Unified',
    role: 'administrator',
    email: 'admin@centre-demo.example.com',
    mayChangeRecipient: true,
    signatureHtml: '',
  },
];

export type DemoQueueKey = 'service' | 'complaints';

export interface DemoQueue {
  key: DemoQueueKey;
  name: string;
  media: Media;
  distribution: Distribution;
  /** The address the contacts write to; Service clients' is the demo's mailbox (`demoMailbox`). */
  address: string;
  members: DemoAgentKey[];
  acknowledgementText: string | null;
  waitingMessageText: string | null;
  waitingDelayHours: number | null;
}

export const demoQueues: readonly DemoQueue[] = [
  {
    key: 'service',
    name: 'Service clients',
    media: 'email',
    distribution: 'pull',
    address: 'service.clients@centre-demo.example.com',
    members: ['camille', 'lucas', 'sophie'],
    acknowledgementText:
      'Bonjour,\n\nNous avons bien reçu votre message, enregistré sous le numéro {{case.number}}. ' +
      'Un conseiller vous répondra sous 48 heures ouvrées.\n\nLe service clients',
    waitingMessageText:
      'Bonjour,\n\nVotre demande {{case.number}} est toujours en cours de traitement. ' +
      'Nous vous prions de nous excuser pour ce délai.\n\nLe service clients',
    waitingDelayHours: 48,
  },
  {
    key: 'complaints',
    name: 'Réclamations',
    media: 'email',
    distribution: 'push',
    address: 'reclamations@centre-demo.example.com',
    members: ['lucas', 'sophie'],
    acknowledgementText:
      'Bonjour,\n\nVotre réclamation a bien été enregistrée sous le numéro {{case.number}}. ' +
      'Elle sera étudiée par un conseiller spécialisé.\n\nLe service réclamations',
    waitingMessageText: null,
    waitingDelayHours: null,
  },
];

/**
 * The demo's mailbox, feeding « Service clients » and the centre's default sending mailbox. Its
 * servers are never contacted (`.invalid` never resolves, RFC 2606): the demo keeps its mail on
 * this computer (demo-mail.ts).
 */
export const demoMailbox = {
  name: 'Service clients',
  address: 'service.clients@centre-demo.example.com',
  senderName: 'Centre de relation clients',
  queue: 'service' satisfies DemoQueueKey,
  host: 'serveur.centre-demo.invalid',
  user: 'service.clients',
} as const;

export interface DemoTreeNode {
  label: string;
  children?: DemoTreeNode[];
}

export const demoQualifications: readonly DemoTreeNode[] = [
  {
    label: 'Facturation',
    children: [{ label: 'Erreur de facture' }, { label: 'Remboursement' }, { label: 'Échéancier de paiement' }],
  },
  {
    label: 'Livraison',
    children: [{ label: 'Retard de livraison' }, { label: 'Colis endommagé' }, { label: 'Changement d’adresse' }],
  },
  { label: 'Contrat', children: [{ label: 'Résiliation' }, { label: 'Modification' }, { label: 'Attestation' }] },
  { label: 'Réclamation', children: [{ label: 'Produit défectueux' }, { label: 'Geste commercial' }] },
  { label: 'Demande d’information' },
];

export interface DemoAddress {
  civility: Civility;
  lastName: string;
  firstName: string;
  email: string;
  organisation: string;
}

/** Addresses agents copy in that are not the centre's contacts (experts, partners). */
export const demoAddressBook: readonly DemoAddress[] = [
  {
    civility: 'madame',
    lastName: 'Roche',
    firstName: 'Valérie',
    email: 'v.roche@expertise-roche.example.com',
    organisation: 'Cabinet Roche Expertise',
  },
  {
    civility: 'monsieur',
    lastName: 'Benoit',
    firstName: 'Hugo',
    email: 'hugo.benoit@transporteur.example.net',
    organisation: 'Transexpress',
  },
  {
    civility: 'madame',
    lastName: 'Caron',
    firstName: 'Agnès',
    email: 'agnes.caron@juridique.example.org',
    organisation: 'Service juridique',
  },
  {
    civility: 'monsieur',
    lastName: 'Dumas',
    firstName: 'Paul',
    email: 'paul.dumas@centre-demo.example.com',
    organisation: 'Comptabilité',
  },
];
