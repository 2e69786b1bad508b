/** The first start (demo or one's own centre), the demo banner and a new centre's checklist. */
export const setupFr = {
  title: 'Bienvenue',
  intro: 'Aucun centre n’est encore configuré sur ce poste. Que voulez-vous faire ?',
  demo: {
    choose: 'Découvrir avec un centre de démonstration',
    text: 'Des files, des agents et vingt dossiers fictifs pour essayer. Les réponses restent sur ce poste, dans une boîte de démonstration.',
    loading: 'Préparation du centre de démonstration…',
  },
  create: {
    choose: 'Créer mon centre',
    text: 'Un centre vide : vous créez le premier compte administrateur, puis les boîtes aux lettres, les files et les agents.',
  },
  form: {
    title: 'Créer mon centre',
    intro: 'Ce premier compte administre le centre. Aucun mot de passe n’est fourni par défaut : choisissez-le.',
    centreName: 'Nom du centre',
    login: 'Identifiant de l’administrateur',
    loginHint: 'Lettres minuscules, chiffres, point, tiret ou souligné (ex. claire.admin).',
    displayName: 'Nom affiché',
    password: 'Mot de passe',
    passwordHint: 'Au moins 12 caractères, sans l’identifiant.',
    confirm: 'Confirmez le mot de passe',
    mismatch: 'Les deux mots de passe ne sont pas identiques.',
    back: 'Retour',
    submit: 'Créer le centre',
    submitting: 'Création du centre…',
  },
  banner: 'Centre de démonstration : données fictives ; les réponses ne quittent pas ce poste.',
  checklist: {
    title: 'Mise en route du centre',
    intro: 'Encore quelques étapes avant que le centre reçoive et envoie son courrier :',
    done: 'Fait',
    todo: 'À faire',
    items: {
      mailbox: 'Ajouter une boîte aux lettres',
      sendingMailbox: 'Choisir la boîte d’envoi par défaut',
      queues: 'Créer les files',
      agents: 'Créer les agents',
      contacts: 'Importer les contacts',
    },
    contactsHint: 'Un agent ou un superviseur importe le fichier dans Carnet d’adresses › Importer.',
  },
};
