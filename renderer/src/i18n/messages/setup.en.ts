import type { setupFr } from './setup.fr';

export const setupEn: typeof setupFr = {
  title: 'Welcome',
  intro: 'No centre is set up on this computer yet. What would you like to do?',
  demo: {
    choose: 'Explore with a demo centre',
    text: 'Queues, agents and twenty made-up cases to try things out. Replies stay on this computer, in a demo mailbox.',
    loading: 'Preparing the demo centre…',
  },
  create: {
    choose: 'Create my centre',
    text: 'An empty centre: you create the first administrator account, then the mailboxes, queues and agents.',
  },
  form: {
    title: 'Create my centre',
    intro: 'This first account administers the centre. There is no default password: choose one.',
    centreName: 'Centre name',
    login: 'Administrator login',
    loginHint: 'Lower-case letters, digits, dot, hyphen or underscore (e.g. claire.admin).',
    displayName: 'Display name',
    password: 'Password',
    passwordHint: 'At least 12 characters, not containing the login.',
    confirm: 'Confirm the password',
    mismatch: 'The two passwords differ.',
    back: 'Back',
    submit: 'Create the centre',
    submitting: 'Creating the centre…',
  },
  banner: 'Demo centre: made-up data; replies never leave this computer.',
  checklist: {
    title: 'Getting the centre started',
    intro: 'A few steps left before the centre receives and sends its mail:',
    done: 'Done',
    todo: 'To do',
    items: {
      mailbox: 'Add a mailbox',
      sendingMailbox: 'Choose the default sending mailbox',
      queues: 'Create the queues',
      agents: 'Create the agents',
      contacts: 'Import the contacts',
    },
    contactsHint: 'An agent or a supervisor imports the file in Address book › Import.',
  },
};
