import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  sqliteTable,
  text,
  uniqueIndex,
  type AnySQLiteColumn,
} from 'drizzle-orm/sqlite-core';
import { medias } from '../../../../shared/domain/case-state';
import { flag, id, instant, json } from './columns';
import type { RoutingConditions } from './json-types';
import { queues } from './organisation';

/** What the administrator sets up once and agents pick from: forms, qualifications, templates, rules. */

export const forms = sqliteTable(
  'forms',
  {
    id: id(),
    name: text('name').notNull().unique(),
    media: text('media', { enum: medias }).notNull(),
    /** The product's own form for its media (PRODUCT.md: one standard form per media). */
    standard: flag('standard').notNull().default(false),
    active: flag('active').notNull().default(true),
  },
  (t) => [uniqueIndex('forms_one_standard_per_media').on(t.media).where(sql`${t.standard} = 1`)],
);

export const formFieldTypes = ['text', 'textarea', 'richtext', 'date', 'phone', 'email', 'select', 'country'] as const;
export type FormFieldType = (typeof formFieldTypes)[number];

/**
 * A field of a form. Keys `contact.*` and `case.*` name the columns of the contact and the case
 * (the standard fields); any other key is a custom field whose value lives in `case_fields`.
 */
export const formFields = sqliteTable(
  'form_fields',
  {
    id: id(),
    formId: integer('form_id')
      .notNull()
      .references(() => forms.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    label: text('label').notNull(),
    type: text('type', { enum: formFieldTypes }).notNull(),
    required: flag('required').notNull().default(false),
    position: integer('position').notNull(),
    /** Choices of a `select` field. */
    options: json<string[]>('options'),
  },
  (t) => [uniqueIndex('form_fields_form_key').on(t.formId, t.key), index('form_fields_position_idx').on(t.formId, t.position)],
);

export const qualifications = sqliteTable(
  'qualifications',
  {
    id: id(),
    parentId: integer('parent_id').references((): AnySQLiteColumn => qualifications.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    position: integer('position').notNull().default(0),
    active: flag('active').notNull().default(true),
  },
  (t) => [index('qualifications_parent_idx').on(t.parentId, t.position)],
);

/** Themes of the templates ("réponses types"): a tree of any depth. */
export const templateThemes = sqliteTable(
  'template_themes',
  {
    id: id(),
    parentId: integer('parent_id').references((): AnySQLiteColumn => templateThemes.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('template_themes_parent_idx').on(t.parentId, t.position)],
);

/** A reusable reply; `{{contact.lastName}}`-style placeholders are filled when inserted. */
export const templates = sqliteTable(
  'templates',
  {
    id: id(),
    themeId: integer('theme_id')
      .notNull()
      .references(() => templateThemes.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    bodyHtml: text('body_html').notNull(),
    position: integer('position').notNull().default(0),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [index('templates_theme_idx').on(t.themeId, t.position)],
);

/** "Règles de gestion": applied in `position` order to incoming mail before the mailbox's queue. */
export const routingRules = sqliteTable(
  'routing_rules',
  {
    id: id(),
    name: text('name').notNull(),
    position: integer('position').notNull(),
    active: flag('active').notNull().default(true),
    conditions: json<RoutingConditions>('conditions').notNull(),
    queueId: integer('queue_id').references(() => queues.id, { onDelete: 'set null' }),
    qualificationId: integer('qualification_id').references(() => qualifications.id, { onDelete: 'set null' }),
    priority: integer('priority'),
  },
  (t) => [index('routing_rules_position_idx').on(t.position)],
);
