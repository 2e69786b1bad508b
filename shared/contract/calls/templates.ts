import { z } from 'zod';
import {
  renderedTemplateSchema,
  suggestionInputSchema,
  suggestionSchema,
  templateHitSchema,
  templateRenderSchema,
  templateSearchSchema,
  themeNodeSchema,
} from '../../domain/template';
import { call, none } from '../define';

/** Templates as agents use them while replying (PRODUCT.md "Replying", "Suggested replies, offline"). */
export const templateCalls = {
  tree: call(none, z.array(themeNodeSchema)),
  search: call(templateSearchSchema, z.array(templateHitSchema)),
  render: call(templateRenderSchema, renderedTemplateSchema),
  /** At most three, best first. */
  suggest: call(suggestionInputSchema, z.array(suggestionSchema).max(3)),
};
