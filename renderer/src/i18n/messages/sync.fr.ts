/** Mail sync in the header, one entry per mailbox. */
export const syncFr = {
  label: 'Synchronisation des e-mails',
  connecting: 'Connexion…',
  syncing: 'Synchronisation {done} sur {total}',
  syncingUnknown: 'Synchronisation…',
  idle: 'Synchronisé',
  error: 'Erreur de synchronisation',
  pending: 'En attente',
  lastSuccess: 'Dernière synchronisation : {at}',
  never: 'Jamais synchronisée',
};
