import fc from 'fast-check';
import type { z } from 'zod';
import { callDef, type CallName } from '../../shared/contract';
import type { CreationOptions } from '../../shared/contract/calls/creation';
import { isStandardKey } from '../../shared/domain/admin/form-schema';
import { caseCreationSchema, type CreationCatalogue } from '../../shared/domain/case-creation-schema';
import type { Media } from '../../shared/domain/case-state';
import { standardFormFields } from '../../electron/core/demo/standard-form';
import { encodeDeskCursor } from '../../electron/core/services/desk-cursor';
import { deskSortFields } from '../../shared/domain/desk';
import { contactSchema } from '../../shared/domain/contact-schema';
import { contactUpdateSchema } from '../../shared/domain/contact-view';
import { hostileArbitrary, isoDay, validArbitrary, type FromZodOptions } from './arbitrary-from-zod';
import { hostileText } from './hostile-values';

/**
 * What the fuzz sends to each call: the call's own input schema read by `arbitrary-from-zod.ts`,
 * with what that schema cannot say given here.
 */

/**
 * The three forms the core judges with its own clock (`judgedByCore`): the contract only asks for
 * an object, the service parses it with the same schema factory as the renderer's form. The fuzz
 * generates from that factory, or it would only ever send empty objects.
 */
export function inputSchemaOf(name: CallName, today: Date, catalogue: CreationCatalogue = { forms: [], queues: [] }): z.core.$ZodType {
  if (name === 'contacts.create') return contactSchema({ today });
  if (name === 'contacts.update') return contactUpdateSchema({ today });
  // The catalogue feeds the cross-field refinement only, which generation does not read.
  if (name === 'creation.submit') return caseCreationSchema({ today, catalogue });
  return callDef(name).input;
}

const two = (n: number) => String(n).padStart(2, '0');

/** JJ/MM/AAAA, the way the forms send dates (`frenchDateRule`), some of them impossible. */
export const frenchDate = (): fc.Arbitrary<string> =>
  fc
    .tuple(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1890, max: 2030 }))
    .map(([day, month, year]) => `${two(day)}/${two(month)}/${year}`);

/** National and international numbers as `phoneRule` takes them, and a blank (not given). */
export const phoneNumber = (): fc.Arbitrary<string> =>
  fc.oneof(fc.stringMatching(/^0[1-9]\d{8}$/), fc.stringMatching(/^00[1-9]\d{6,15}$/), fc.constant(''));

export interface InputPools {
  /** Addresses the demo already has: contact and address-book uniqueness rules get exercised. */
  emails: readonly string[];
  /** Files staged by the fuzz world: replies and creations can then carry real attachments. */
  staged: readonly { sha256: string; size: number; mediaType: string; displayName: string }[];
  /** What `creation.options` offers: forms, queues and actions that go together. */
  creation?: CreationOptions;
}

/** Field arbitraries by key, for the rules the schemas keep in code (`check`, `transform`). */
export function fieldHints(today: Date, pools: InputPools): Record<string, fc.Arbitrary<unknown>> {
  const phones = phoneNumber();
  const contactFields = validArbitrary(contactSchema({ today }), { hints: { mobile: phones, landline: phones, otherPhone: phones, fax: phones, birthDate: frenchDate(), missingDocumentDate: frenchDate() }, emails: pools.emails });
  const hints: Record<string, fc.Arbitrary<unknown>> = {
    mobile: phones,
    landline: phones,
    otherPhone: phones,
    fax: phones,
    birthDate: frenchDate(),
    missingDocumentDate: frenchDate(),
    // `admin.updateSettings`: ISO 3166 codes and loopback URLs are checked in code.
    defaultCountry: fc.constantFrom('FR', 'BE', 'ch', ' DE ', 'ZZ'),
    localModelUrl: fc.constantFrom(null, 'http://127.0.0.1:11434', 'http://localhost:8080/v1', 'https://[::1]/'),
    // `admin.createForm`/`updateForm`: a custom key, or a standard field's.
    key: fc.oneof(fc.stringMatching(/^[a-z][a-zA-Z0-9_]{0,20}$/), fc.constantFrom('contact.lastName', 'contact.city', 'case.subject', 'contact.nope')),
    // `desk.list`: forged page cursors, well encoded, for every sort, with keys of any type and count.
    after: fc
      .tuple(
        fc.constantFrom(...deskSortFields.flatMap((by) => [`${by}:asc`, `${by}:desc`])),
        fc.array(fc.oneof(fc.integer({ min: -1, max: 30 }), hostileText(), isoDay().map((day) => `${day}T10:00:00.000Z`)), { maxLength: 3 }),
        fc.oneof(fc.integer({ min: 1, max: 30 }), fc.constantFrom(0, -1, 2 ** 53, 1.5)),
      )
      .map(([sort, keys, id]) => encodeDeskCursor({ sort, keys, id })),
    // `creation.submit`: an existing card alone, or the card's fields (with or without the card).
    contact: fc.oneof(
      fc.record({ existingContactId: fc.integer({ min: 1, max: 30 }) }),
      contactFields,
      fc.tuple(contactFields, fc.integer({ min: 1, max: 30 })).map(([fields, id]) => ({ ...(fields as object), existingContactId: id })),
    ),
  };
  if (pools.staged.length > 0) {
    const staged = fc.constantFrom(...pools.staged);
    hints.attachments = fc.uniqueArray(staged, { maxLength: 2, selector: (file) => file.sha256 });
    hints.requestAttachments = hints.attachments;
  }
  return hints;
}

export interface CallInputs {
  valid: fc.Arbitrary<unknown>;
  hostile: fc.Arbitrary<unknown>;
}

export function callInputs(name: CallName, today: Date, pools: InputPools): CallInputs {
  const schema = inputSchemaOf(name, today);
  const options: FromZodOptions = { hints: fieldHints(today, pools), emails: pools.emails };
  const valid = validArbitrary(schema, options);
  const tuning = tunings[name];
  return { valid: tuning ? fc.oneof(valid, tuning(valid, pools)) : valid, hostile: hostileArbitrary(schema, options) };
}

type Tuning = (valid: fc.Arbitrary<unknown>, pools: InputPools) => fc.Arbitrary<unknown>;

const withFields = (valid: fc.Arbitrary<unknown>, change: (input: Record<string, unknown>) => Record<string, unknown>) =>
  valid.map((input) => change({ ...(input as Record<string, unknown>) }));

/**
 * Calls whose rules span several fields (a queue's media and actions, a form's standard fields):
 * half their valid inputs are put together so that those rules pass and the service runs.
 */
const tunings: Partial<Record<CallName, Tuning>> = {
  'creation.submit': (valid, pools) => (pools.creation ? offeredCombination(valid, pools.creation) : valid),
  'addressBook.importFile': (valid, pools) =>
    fc.tuple(valid, addressBookFile(pools)).map(([input, file]) => ({ ...(input as object), ...file })),
  'admin.createForm': (valid) => withFields(valid, withStandardFields),
  'admin.updateForm': (valid) => withFields(valid, withStandardFields),
};

/** The media's required standard fields first (the service refuses a form without them), then custom ones. */
function withStandardFields(input: Record<string, unknown>): Record<string, unknown> {
  const media = input.media as Media;
  const required = standardFormFields(media)
    .filter((field) => field.required)
    .map(({ key, label, type, options }) => ({ key, label, type, required: true, options: options ?? null }));
  const custom = ((input.fields as { key: string }[] | undefined) ?? []).filter((field) => !isStandardKey(field.key));
  return { ...input, fields: [...required, ...custom] };
}

/**
 * A creation on a form, a queue of the same media and an action that queue offers: ids drawn
 * at random almost never match, and the cross-field rule then refuses before the service runs.
 */
function offeredCombination(valid: fc.Arbitrary<unknown>, options: CreationOptions): fc.Arbitrary<unknown> {
  const combinations = options.forms.flatMap((form) =>
    options.queues
      .filter((queue) => queue.media === form.media)
      .flatMap((queue) => queue.actions.map((action) => ({ formId: form.id, queueId: queue.id, action }))),
  );
  if (combinations.length === 0) return valid;
  return fc.tuple(valid, fc.constantFrom(...combinations)).map(([input, combination]) => ({ ...(input as object), ...combination }));
}

/** A cell or a vCard value: names, addresses, and what breaks CSV and vCard readers. */
const fileValue = (pools: InputPools) =>
  fc.oneof(
    fc.constantFrom('Dupont', 'Jeanne', 'Élise', 'ACME', 'Madame', ''),
    pools.emails.length > 0 ? fc.constantFrom(...pools.emails) : fc.constant('jeanne.dupont@example.com'),
    fc.stringMatching(/^[a-z]{1,8}@[a-z]{1,8}\.fr$/),
    hostileText(),
    fc.constantFrom('"', '""', '"a;b"', 'a,b', ';', '\t', 'x\ny', '=1+1', ':', 'N:a;b', '\\', 'END:VCARD'),
  );

/** A CSV file (header of French or English column names, `;` `,` or tab) or a vCard file, often broken. */
function addressBookFile(pools: InputPools): fc.Arbitrary<{ format: 'csv' | 'vcard'; content: string }> {
  const value = fileValue(pools);
  const csv = fc
    .tuple(
      fc.constantFrom(';', ',', '\t'),
      fc.constantFrom('\r\n', '\n'),
      fc.shuffledSubarray(['Nom', 'Prénom', 'E-mail', 'Société', 'Civilité', 'email', 'Remarque'], { minLength: 1 }),
      fc.array(fc.array(fc.tuple(value, fc.boolean()), { maxLength: 6 }), { maxLength: 5 }),
    )
    .map(([delimiter, eol, header, rows]) => {
      const cell = ([text, quoted]: [string, boolean]) => (quoted ? `"${text.replaceAll('"', '""')}"` : text);
      const lines = [header.join(delimiter), ...rows.map((row) => row.map(cell).join(delimiter))];
      return { format: 'csv' as const, content: lines.join(eol) };
    });
  const card = fc
    .tuple(fc.constantFrom('3.0', '4.0'), value, value, value, value, fc.boolean())
    .map(([version, fn, family, email, org, ended]) =>
      [`BEGIN:VCARD`, `VERSION:${version}`, `FN:${fn}`, `N:${family};${fn};;;`, `EMAIL:${email}`, `ORG:${org}`, ended ? 'END:VCARD' : '']
        .join('\r\n'),
    );
  const vcard = fc.array(card, { minLength: 1, maxLength: 4 }).map((cards) => ({ format: 'vcard' as const, content: cards.join('\r\n') }));
  return fc.oneof(csv, vcard);
}
