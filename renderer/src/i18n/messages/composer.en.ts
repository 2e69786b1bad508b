import type { composerFr } from './composer.fr';

export const composerEn: typeof composerFr = {
  title: 'Reply',
  editor: 'Reply text',
  close: 'Close',
  recipients: {
    to: 'To',
    cc: 'Cc',
    bcc: 'Bcc',
    toLocked: 'The recipient is the contact’s address: your rights do not allow changing it.',
    duplicate: '{address} is already a recipient.',
    remove: 'Remove {address}',
    search: 'Search',
    searchTitle: 'Search for a contact',
    searchLabel: 'Name, e-mail address, phone…',
    searchSubmit: 'Search',
    noResult: 'No contact with an e-mail address matches.',
  },
  templates: {
    title: 'Templates',
    search: 'Search for a template',
    searchSubmit: 'Search',
    none: 'No template.',
  },
  suggest: {
    button: 'Suggest a reply',
    none: 'No suggestion for this case.',
    fromTemplate: 'Template',
    fromCase: 'Reply of case {number}',
  },
  attachments: {
    add: 'Attach files',
    uploading: 'Uploading files…',
    remove: 'Remove {name}',
  },
  preview: {
    button: 'Preview',
    title: 'Reply preview',
    subject: 'Subject',
    signatureNote: 'The signature and the quoted history are added when sending.',
  },
  actions: {
    save_draft: 'Draft',
    submit_for_validation: 'Validation',
    reply_keep_open: 'Reply without closing',
    reply_and_wait: 'Reply and wait',
    reply_and_close: 'Reply and close',
  },
  done: {
    save_draft: 'Draft saved.',
    submit_for_validation: 'Reply submitted for validation.',
    reply_keep_open: 'Reply sent; the case stays open.',
    reply_and_wait: 'Reply sent; the case waits for the contact.',
    reply_and_close: 'Reply sent; the case is closed.',
  },
};
