import { deskFr } from './messages/desk.fr';
import { syncFr } from './messages/sync.fr';
import { contactsFr } from './messages/contacts.fr';
import { adminFr } from './messages/admin.fr';
import { creationFr } from './messages/creation.fr';
import { caseFr } from './messages/case.fr';
import { composerFr } from './messages/composer.fr';
import { addressBookFr } from './messages/address-book.fr';
import { quarantineFr } from './messages/quarantine.fr';
import { setupFr } from './messages/setup.fr';

/**
 * The product's own language. The labels of states, desks and media are the ones of the seed help
 * pages, letter for letter ("A traiter" without accent, as agents know it). In vue-i18n's message
 * syntax `{`, `}`, `@`, `$` and `|` are special: `|` separates plural forms (none | one | many).
 */
export const fr = {
  app: {
    name: 'Unified Desktop',
    loading: 'Chargement…',
  },
  connection: {
    reconnecting: 'Connexion au service perdue. Reconnexion…',
  },
  language: {
    label: 'Langue de l’interface',
    fr: 'Français',
    en: 'English',
  },
  role: {
    agent: 'Agent',
    supervisor: 'Superviseur',
    administrator: 'Administrateur',
  },
  signIn: {
    title: 'Connexion',
    intro: 'Saisissez votre identifiant et votre mot de passe.',
    login: 'Identifiant',
    password: 'Mot de passe',
    submit: 'Se connecter',
    submitting: 'Connexion…',
    demoAccounts: 'Comptes de démonstration',
    demoHint: 'Démonstration : choisissez un compte, mot de passe « demo »',
    loadFailed: 'Impossible de joindre le service.',
    retry: 'Réessayer',
    expired: 'Votre session a pris fin : reconnectez-vous.',
    errors: {
      loginRequired: 'Saisissez votre identifiant.',
      passwordRequired: 'Saisissez votre mot de passe.',
      invalid: 'Identifiant ou mot de passe incorrect.',
      rateLimited: 'Trop de tentatives : réessayez dans {seconds} s.',
    },
  },
  header: {
    signOut: 'Se déconnecter',
    signOutEverywhere: 'Se déconnecter partout',
    signOutEverywhereHint: 'Ferme aussi vos sessions ouvertes dans d’autres fenêtres ou sur d’autres postes.',
  },
  desk: deskFr,
  sync: syncFr,
  state: {
    todo: 'A traiter',
    todo_bis: 'A traiter (bis)',
    contact_replied: 'Retour contact',
    waiting_contact: 'Attente contact',
    in_validation: 'Validation (clos)',
    closed: 'Clos',
  },
  media: {
    email: 'E-mail',
    letter: 'Courrier',
    phone: 'Téléphone',
  },
  caseView: caseFr,
  composer: composerFr,
  creation: creationFr,
  contacts: contactsFr,
  addressBook: addressBookFr,
  quarantine: quarantineFr,
  setup: setupFr,
  admin: adminFr,
  errors: {
    validation: 'Certains champs ne sont pas valides.',
    unauthenticated: 'Votre session a expiré : reconnectez-vous.',
    forbidden: 'Vos droits ne permettent pas cette action.',
    not_found: 'Élément introuvable : il a peut-être été supprimé.',
    conflict: 'Le dossier a changé entre-temps : rechargez-le.',
    refused: 'Action refusée.',
    rate_limited: 'Trop de tentatives : patientez avant de réessayer.',
    unknown_call: 'Action inconnue du service : mettez l’application à jour.',
    unavailable: 'Connexion au service perdue…',
    internal: 'Une erreur inattendue est survenue. Réessayez ; si elle persiste, prévenez votre administrateur.',
  },
};

/** The shape every language must have: en.ts is typed with it, so a missing key fails to compile. */
export type MessageSchema = typeof fr;
