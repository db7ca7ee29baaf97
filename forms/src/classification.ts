/**
 * How sensitive a form field is, set in its JSON Schema as `"x-classification"`. Roles are
 * granted classifications through CASL rules on the `FormField` subject; a field without
 * the keyword is `internal`.
 */
export type Classification = 'public' | 'internal' | 'financial' | 'personal';

/** The JSON Schema keyword that carries a field's classification. */
export const CLASSIFICATION_KEYWORD = 'x-classification';

/** The classification of one schema node. */
export function classificationOf(schema: unknown): Classification {
  const value = (schema as Record<string, unknown> | null)?.[CLASSIFICATION_KEYWORD];
  return typeof value === 'string' ? (value as Classification) : 'internal';
}
