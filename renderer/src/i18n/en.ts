import type { MessageSchema } from './fr';
import { deskEn } from './messages/desk.en';
import { syncEn } from './messages/sync.en';
import { contactsEn } from './messages/contacts.en';
import { adminEn } from './messages/admin.en';
import { creationEn } from './messages/creation.en';
import { caseEn } from './messages/case.en';
import { composerEn } from './messages/composer.en';
import { addressBookEn } from './messages/address-book.en';
import { quarantineEn } from './messages/quarantine.en';
import { setupEn } from './messages/setup.en';

/** English, complete: no key falls back to French (test/renderer/i18n.test.ts checks both ways). */
export const en: MessageSchema = {
  app: {
    name: 'Unified Desktop',
    loading: 'Loading…',
  },
  connection: {
    reconnecting: 'Connection to the service lost. Reconnecting…',
  },
  language: {
    label: 'Interface language',
    fr: 'Français',
    en: 'English',
  },
  role: {
    agent: 'Agent',
    supervisor: 'Supervisor',
    administrator: 'Administrator',
  },
  signIn: {
    title: 'Sign in',
    intro: 'Enter your login and your password.',
    login: 'Login',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    demoAccounts: 'Demonstration accounts',
    demoHint: 'Demonstration: pick an account, password “demo”',
    loadFailed: 'The service could not be reached.',
    retry: 'Try again',
    expired: 'Your session has ended: please sign in again.',
    errors: {
      loginRequired: 'Enter your login.',
      passwordRequired: 'Enter your password.',
      invalid: 'Wrong login or password.',
      rateLimited: 'Too many attempts: try again in {seconds} s.',
    },
  },
  header: {
    signOut: 'Sign out',
    signOutEverywhere: 'Sign out everywhere',
    signOutEverywhereHint: 'Also ends your sessions open in other windows or on other computers.',
  },
  desk: deskEn,
  sync: syncEn,
  state: {
    todo: 'To do',
    todo_bis: 'To do (bis)',
    contact_replied: 'Contact replied',
    waiting_contact: 'Waiting for contact',
    in_validation: 'Validation (closed)',
    closed: 'Closed',
  },
  media: {
    email: 'E-mail',
    letter: 'Letter',
    phone: 'Phone',
  },
  caseView: caseEn,
  composer: composerEn,
  creation: creationEn,
  contacts: contactsEn,
  addressBook: addressBookEn,
  quarantine: quarantineEn,
  setup: setupEn,
  admin: adminEn,
  errors: {
    validation: 'Some fields are not valid.',
    unauthenticated: 'Your session has expired: please sign in again.',
    forbidden: 'Your rights do not allow this action.',
    not_found: 'Not found: it may have been deleted.',
    conflict: 'The case changed in the meantime: reload it.',
    refused: 'Action refused.',
    rate_limited: 'Too many attempts: wait a moment before trying again.',
    unknown_call: 'The service does not know this action: update the application.',
    unavailable: 'Connection to the service lost…',
    internal: 'An unexpected error occurred. Try again; if it persists, tell your administrator.',
  },
};
