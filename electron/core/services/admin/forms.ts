import { asc, count, eq } from 'drizzle-orm';
import type { AgentSummary } from '../../../../shared/domain/agent';
import {
  formMessages,
  isStandardKey,
  type FormFieldInput,
  type FormSettings,
  type FormView,
} from '../../../../shared/domain/admin/form-schema';
import type { Media } from '../../../../shared/domain/case-state';
import type { Database } from '../../db/database';
import { cases, formFields, forms } from '../../db/schema';
import { standardFormFields } from '../../demo/standard-form';
import { invalidField, notFound } from '../access';
import { administer, refused } from './admin-guard';
import { assertNameFree } from './unique-name';

const formMissing = 'Ce formulaire n’existe pas.';

/**
 * Forms (PRODUCT.md "Creating a case"): the standard form of each media is data the administrator may
 * relabel and extend, but its standard fields keep their type and required flag (the case and
 * contact columns rely on them), and it can be neither deleted nor deactivated.
 */
export function createFormAdmin(db: Database) {
  function list(): FormView[] {
    const fields = db.orm.select().from(formFields).orderBy(asc(formFields.formId), asc(formFields.position)).all();
    return db.orm
      .select()
      .from(forms)
      .orderBy(asc(forms.name))
      .all()
      .map((form) => ({
        ...form,
        fields: fields
          .filter((field) => field.formId === form.id)
          .map(({ id, key, label, type, required, options }) => ({ id, key, label, type, required, options })),
      }));
  }

  const view = (id: number) => list().find((form) => form.id === id) as FormView;

  function create(input: FormSettings, actor: AgentSummary): FormView {
    return administer(db, actor, () => {
      checkForm(input, null);
      const { fields, ...row } = input;
      const { id } = db.orm.insert(forms).values({ ...row, standard: false }).returning({ id: forms.id }).get();
      writeFields(id, input.media, fields);
      return view(id);
    });
  }

  function update({ id, ...input }: FormSettings & { id: number }, actor: AgentSummary): FormView {
    return administer(db, actor, () => {
      const current = db.orm.select().from(forms).where(eq(forms.id, id)).get();
      if (!current) throw notFound(formMissing);
      checkForm(input, id);
      if (current.standard && input.media !== current.media) throw refused(formMessages.standardMediaFixed, 'media');
      if (current.standard && !input.active) throw refused(formMessages.standardStaysActive, 'active');
      if (input.media !== current.media && usedByCases(id)) throw refused(formMessages.mediaUsedByCases, 'media');
      const { fields, ...row } = input;
      db.orm.update(forms).set(row).where(eq(forms.id, id)).run();
      db.orm.delete(formFields).where(eq(formFields.formId, id)).run();
      writeFields(id, input.media, fields);
      return view(id);
    });
  }

  function remove(id: number, actor: AgentSummary): null {
    return administer(db, actor, () => {
      const current = db.orm.select().from(forms).where(eq(forms.id, id)).get();
      if (!current) throw notFound(formMissing);
      if (current.standard) throw refused(formMessages.standardNotDeletable);
      if (usedByCases(id)) throw refused(formMessages.usedByCases);
      db.orm.delete(forms).where(eq(forms.id, id)).run();
      return null;
    });
  }

  function checkForm(input: FormSettings, id: number | null): void {
    const names = db.orm.select({ id: forms.id, name: forms.name }).from(forms).all();
    assertNameFree(names, input.name, id, 'name', formMessages.nameTaken);
    checkStandardFields(input.media, input.fields);
  }

  function writeFields(formId: number, media: Media, fields: readonly FormFieldInput[]): void {
    if (fields.length === 0) return;
    const standard = new Map(standardFormFields(media).map((field) => [field.key, field]));
    const rows = fields.map((field, position) => ({
      ...field,
      options: standard.get(field.key)?.options ?? field.options,
      formId,
      position,
    }));
    db.orm.insert(formFields).values(rows).run();
  }

  const usedByCases = (formId: number) =>
    (db.orm.select({ n: count() }).from(cases).where(eq(cases.formId, formId)).get()?.n ?? 0) > 0;

  return { list, create, update, remove };
}

/** Standard fields keep the product's type and required flag; the required ones must all be there. */
function checkStandardFields(media: Media, fields: readonly FormFieldInput[]): void {
  const standard = standardFormFields(media);
  fields.forEach((field, index) => {
    if (!isStandardKey(field.key)) return;
    const known = standard.find((s) => s.key === field.key);
    if (!known) throw invalidField(`fields.${index}.key`, formMessages.unknownStandardKey);
    if (known.type !== field.type) throw invalidField(`fields.${index}.type`, formMessages.standardTypeFixed);
    if (known.required && !field.required) {
      throw invalidField(`fields.${index}.required`, formMessages.standardRequiredFixed);
    }
  });
  const missing = standard.find((s) => s.required && !fields.some((field) => field.key === s.key));
  if (missing) throw invalidField('fields', `${formMessages.standardFieldMissing} « ${missing.label} ».`);
}
