// @vitest-environment happy-dom
// As main.ts does: zod is made jitless before anything else.
import '../../renderer/src/zod-csp';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createCore, type Connection, type Core } from '../../electron/core/create-core';
import type { CallName } from '../../shared/contract/names';
import { api, installTransport } from '../../renderer/src/api';
import NotepadPanel from '../../renderer/src/components/case/NotepadPanel.vue';
import { useForm } from '../../renderer/src/composables/use-form';
import { createAppI18n, setLocale } from '../../renderer/src/i18n';
import { useAddressBookStore } from '../../renderer/src/stores/address-book';
import { useContactsStore } from '../../renderer/src/stores/contacts';
import { useCreationStore } from '../../renderer/src/stores/creation';
import { useSessionStore } from '../../renderer/src/stores/session';
import { migrationsFolder } from '../core/temp-database';

/**
 * One form composable for every form: the shared schema first (nothing sent when it refuses, zod's
 * own words in the interface's language), then the core's `fields` on the same inputs, and data
 * such as the card that already has an address as typed `details`, not inside a message.
 */

let dataDir: string;
let core: Core;
let connection: Connection;
let sent: CallName[];

beforeEach(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'ud-forms-'));
  core = createCore({ dataDir, migrationsFolder, demo: true });
  connection = core.connect();
  sent = [];
  installTransport({
    invoke: (name, input) => {
      sent.push(name);
      return connection.call(name, input);
    },
    subscribe: (listener) => connection.onEvent(listener),
  });
  setActivePinia(createPinia());
  const session = useSessionStore();
  await session.loadSignInChoices();
  await session.signIn('camille.martin', 'demo');
  sent = [];
});

afterEach(() => {
  core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

afterAll(() => {
  setLocale('fr');
  localStorage.clear();
});

describe('the form composable', () => {
  const counted = z.object({ count: z.number() });

  it('words zod’s own messages in the interface’s language, as the agent switches', async () => {
    const form = useForm();
    setLocale('en');
    expect(await form.submit(counted, { count: 'many' }, async () => 'sent')).toBeNull();
    expect(form.errors.value.count).toMatch(/expected number/i);
    expect(form.invalid.value).toBe(true);
    setLocale('fr');
    await form.submit(counted, { count: 'beaucoup' }, async () => 'sent');
    expect(form.errors.value.count).toMatch(/nombre attendu/);
  });

  it('answers what the work gave once the schema accepted the input, and clears the messages', async () => {
    const form = useForm();
    await form.submit(counted, {}, async () => 'sent');
    expect(await form.submit(counted, { count: 2 }, async (checked) => checked.count * 2)).toEqual({ value: 4 });
    expect([form.errors.value, form.invalid.value, form.refusal.value]).toEqual([{}, false, null]);
  });
});

describe('the stores’ forms', () => {
  it('send nothing the shared schema refuses', async () => {
    const book = useAddressBookStore();
    book.startCreate();
    Object.assign(book.values, { lastName: 'Roux', email: 'lea.roux@' });
    expect(await book.save()).toBe(false);
    expect(book.errors.email).toBe('Adresse e-mail invalide.');
    expect(sent).toEqual([]);

    Object.assign(book.values, { email: 'lea.roux@example.fr' });
    expect(await book.save()).toBe(true);
    expect(sent).toContain('addressBook.create');
  });

  it('put the core’s refusal on the same fields, the schema having nothing against it', async () => {
    const contacts = useContactsStore();
    contacts.query = 'CT-2023-00481';
    await contacts.search();
    await contacts.open(contacts.results[0]?.id ?? 0);
    contacts.startEdit();
    if (contacts.values) contacts.values.email = 'marie.lefebvre@example.org';
    expect(await contacts.save()).toBe(false);
    expect(sent).toContain('contacts.update');
    expect(contacts.errors.email).toMatch(/^L'adresse marie\.lefebvre@example\.org appartient déjà à la fiche de Marie Lefebvre/);
    expect(contacts.error?.code).toBe('conflict');
    expect(contacts.error?.details?.existingContactId).toBeTypeOf('number');
    expect(contacts.card?.email).toBe('jean.dupont@example.com');
  });

  it('offer the card that already has an address from the refusal’s typed details', async () => {
    const creation = useCreationStore();
    await creation.load();
    const options = creation.options;
    const emailForm = options?.forms.find((form) => form.media === 'email');
    creation.draft.formId = emailForm?.id ?? null;
    const queue = creation.queues.find((candidate) => candidate.actions.includes('assign_to_me'));
    creation.draft.queueId = queue?.id ?? null;
    creation.draft.action = 'assign_to_me';
    Object.assign(creation.draft.contact, { lastName: 'Dupond', firstName: 'Jean', email: 'jean.dupont@example.com' });
    Object.assign(creation.draft, { subject: 'Demande de rappel', question: '<p>Pouvez-vous me rappeler ?</p>' });

    expect(await creation.submit()).toBeNull();
    const owner = creation.sendError?.details?.existingContactId;
    expect(owner).toBeTypeOf('number');
    // The message on the e-mail field, and no id dressed as a message beside it.
    expect(Object.keys(creation.errors)).toEqual(['contact.email']);
    expect(creation.errors['contact.email']).toContain('Jean Dupont');
    await expect.poll(() => creation.emailOwner?.id).toBe(owner);
  });

  it('check a note with the contract’s schema on the notepad’s field before adding it', async () => {
    const [mine] = (await api.desk.list({ desk: { kind: 'in_progress' }, limit: 1 })).rows;
    sent = [];
    const panel = mount(NotepadPanel, { props: { caseId: mine?.id ?? 0, entries: [] }, global: { plugins: [createAppI18n('fr')] } });
    await panel.get('form').trigger('submit');
    await flushPromises();
    expect(panel.get('[data-testid="note-error"]').text()).toBe('Saisissez la note.');
    expect(sent).not.toContain('cases.addNote');

    await panel.get('textarea').setValue('Rappel prévu demain.');
    await panel.get('form').trigger('submit');
    await flushPromises();
    expect(sent).toContain('cases.addNote');
    expect(panel.find('[data-testid="note-error"]').exists()).toBe(false);
    expect((panel.get('textarea').element as HTMLTextAreaElement).value).toBe('');
    panel.unmount();
  });
});
