import { z } from 'zod';
import { entityId, nameRule, siblingPosition } from './admin/admin-fields';

/**
 * Templates ("réponses types", PRODUCT.md "Replying"): a theme tree of any depth, placeholders filled for
 * the case at hand, and the offline suggestions ranked from templates and closed cases.
 */

export const templatePlaceholders = [
  'contact.civility',
  'contact.lastName',
  'contact.firstName',
  'case.number',
  'agent.name',
  'agent.signature',
] as const;
export type TemplatePlaceholder = (typeof templatePlaceholders)[number];

/** What the template editor offers to insert, in French. */
export const placeholderLabels: Readonly<Record<TemplatePlaceholder, string>> = {
  'contact.civility': 'Civilité du contact',
  'contact.lastName': 'Nom du contact',
  'contact.firstName': 'Prénom du contact',
  'case.number': 'Numéro du dossier',
  'agent.name': 'Nom de l’agent',
  'agent.signature': 'Signature de l’agent',
};

/** `{{ contact.lastName }}`: spaces inside the braces are tolerated, as people type them. */
export const placeholderPattern = /\{\{\s*([A-Za-z]+(?:\.[A-Za-z]+)*)\s*\}\}/g;

export const isTemplatePlaceholder = (name: string): name is TemplatePlaceholder =>
  (templatePlaceholders as readonly string[]).includes(name);

/** Names between braces that are not placeholders of the product, each once. */
export function unknownPlaceholders(html: string): string[] {
  const names = [...html.matchAll(placeholderPattern)].map((match) => match[1] as string);
  return [...new Set(names.filter((name) => !isTemplatePlaceholder(name)))];
}

export const templateMessages = {
  themeNameRequired: 'Le nom du thème est obligatoire.',
  titleRequired: 'Le titre de la réponse type est obligatoire.',
  titleTaken: 'Une réponse type de ce thème porte déjà ce titre.',
  bodyRequired: 'Le texte de la réponse type est obligatoire.',
  themeNotEmpty: 'Ce thème contient des réponses types ou des sous-thèmes : déplacez-les ou supprimez-les d’abord.',
  themeMissing: 'Ce thème n’existe pas.',
  unknownPlaceholder: (names: string[]) =>
    `Variable inconnue : ${names.map((n) => `{{${n}}}`).join(', ')}. Variables possibles : ` +
    templatePlaceholders.map((n) => `{{${n}}}`).join(', ') +
    '.',
} as const;

export const templateBodyRule = z
  .string({ error: templateMessages.bodyRequired })
  .max(100_000, { error: '100 000 caractères au maximum.' })
  .refine((html) => html.trim().length > 0, { error: templateMessages.bodyRequired })
  .check((ctx) => {
    const unknown = unknownPlaceholders(ctx.value);
    if (unknown.length > 0) {
      ctx.issues.push({ code: 'custom', message: templateMessages.unknownPlaceholder(unknown), input: ctx.value });
    }
  });

export const themeCreateSchema = z.object({
  parentId: entityId.nullable().default(null),
  name: nameRule(templateMessages.themeNameRequired),
});
export const themeUpdateSchema = themeCreateSchema.extend({ id: entityId, position: siblingPosition });
export type ThemeUpdate = z.output<typeof themeUpdateSchema>;

export const templateCreateSchema = z.object({
  themeId: entityId,
  title: nameRule(templateMessages.titleRequired, 200),
  bodyHtml: templateBodyRule,
});
export type TemplateCreateInput = z.input<typeof templateCreateSchema>;
export const templateUpdateSchema = templateCreateSchema.extend({ id: entityId, position: siblingPosition });
export type TemplateUpdate = z.output<typeof templateUpdateSchema>;

export const templateSummarySchema = z.object({
  id: z.number().int(),
  title: z.string(),
  /** With its placeholders, as the administrator wrote it. */
  bodyHtml: z.string(),
  updatedAt: z.string(),
});
export type TemplateSummary = z.infer<typeof templateSummarySchema>;

export interface ThemeNode {
  id: number;
  name: string;
  templates: TemplateSummary[];
  children: ThemeNode[];
}

export const themeNodeSchema: z.ZodType<ThemeNode> = z.object({
  id: z.number().int(),
  name: z.string(),
  templates: z.array(templateSummarySchema),
  get children() {
    return z.array(themeNodeSchema);
  },
});

export const templateSearchSchema = z.object({
  query: z.string().trim().min(1, { error: 'Saisissez un mot à chercher.' }).max(200),
  limit: z.number().int().min(1).max(100).default(20),
});

export const templateHitSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  themeId: z.number().int(),
  /** Theme names from the root: where the template sits in the tree. */
  themePath: z.array(z.string()),
  /** BM25, higher is closer. */
  score: z.number(),
});
export type TemplateHit = z.infer<typeof templateHitSchema>;

export const templateRenderSchema = z.object({ templateId: entityId, caseId: entityId });
export const renderedTemplateSchema = z.object({ title: z.string(), html: z.string() });

export const suggestionInputSchema = z.object({ caseId: entityId });

const suggestionBase = {
  title: z.string(),
  /** Placeholders filled for the case asked about. */
  html: z.string(),
  /** BM25 against the case's question, higher is closer; comparable within one answer only. */
  score: z.number(),
};

export const suggestionSchema = z.discriminatedUnion('source', [
  z.object({ source: z.literal('template'), templateId: z.number().int(), ...suggestionBase }),
  z.object({ source: z.literal('case'), caseId: z.number().int(), caseNumber: z.string(), ...suggestionBase }),
]);
export type Suggestion = z.infer<typeof suggestionSchema>;
