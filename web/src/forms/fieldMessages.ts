import type { RJSFValidationError } from '@rjsf/utils';
import type { TFunction } from 'i18next';

type Schema = Record<string, unknown>;
type UiNode = Record<string, unknown>;

/** A per-field explanation of a pattern, kept in the form's uiSchema as `ui:patternMessage: { ru, en }`. */
export type PatternMessage = { ru: string; en: string } | string;

/** The field schema and uiSchema node that a dotted rjsf property (".parts.0.price") points at. */
function fieldAt(schema: Schema, uiSchema: UiNode, segments: string[]): { schema?: Schema; ui: UiNode } {
  let node: Schema | undefined = schema;
  let ui: UiNode = uiSchema;
  for (const segment of segments) {
    if (!node) break;
    if (/^\d+$/.test(segment)) {
      node = node.items as Schema | undefined;
      ui = (ui.items as UiNode | undefined) ?? {};
    } else {
      node = (node.properties as Record<string, Schema> | undefined)?.[segment];
      ui = (ui[segment] as UiNode | undefined) ?? {};
    }
  }
  return { schema: node, ui };
}

function segmentsOf(error: RJSFValidationError): string[] {
  const path = (error.property ?? '').replace(/^\./, '').replace(/\[['"]?([^\]'"]+)['"]?\]/g, '.$1');
  const segments = path.split('.').filter(Boolean);
  const missing = (error.params as { missingProperty?: string } | undefined)?.missingProperty;
  if (error.name === 'required' && missing && segments[segments.length - 1] !== missing) segments.push(missing);
  return segments;
}

function pick(message: PatternMessage | undefined, language: string): string | undefined {
  if (!message) return undefined;
  if (typeof message === 'string') return message;
  return language.startsWith('en') ? message.en : message.ru;
}

/** One validation error as a sentence in the UI language that names the field by its label. */
export function fieldMessage(t: TFunction, error: RJSFValidationError, schema: Schema, uiSchema: UiNode, language: string): string {
  const segments = segmentsOf(error);
  const field = fieldAt(schema, uiSchema, segments);
  const label = (field.schema?.title as string | undefined) ?? segments.filter((s) => !/^\d+$/.test(s)).pop() ?? '';
  const params = (error.params ?? {}) as Record<string, unknown>;
  switch (error.name) {
    case 'required':
      return t('validation.required', { field: label });
    case 'pattern':
      return pick(field.ui['ui:patternMessage'] as PatternMessage | undefined, language) ?? t('validation.pattern', { field: label });
    case 'minLength':
      return t('validation.minLength', { field: label, count: Number(params.limit) });
    case 'maxLength':
      return t('validation.maxLength', { field: label, count: Number(params.limit) });
    case 'minimum':
    case 'exclusiveMinimum':
      return t('validation.minimum', { field: label, limit: new Intl.NumberFormat(language).format(Number(params.limit)) });
    case 'maximum':
    case 'exclusiveMaximum':
      return t('validation.maximum', { field: label, limit: new Intl.NumberFormat(language).format(Number(params.limit)) });
    case 'minItems':
      return t('validation.minItems', { field: label, count: Number(params.limit) });
    case 'maxItems':
      return t('validation.maxItems', { field: label, count: Number(params.limit) });
    case 'type':
      return t(params.type === 'integer' ? 'validation.integer' : params.type === 'number' ? 'validation.number' : 'validation.invalid', { field: label });
    case 'format':
      return t(params.format === 'date' ? 'validation.date' : params.format === 'inn' ? 'validation.inn' : 'validation.invalid', { field: label });
    case 'enum':
    case 'const':
    case 'oneOf':
    case 'anyOf':
      return t('validation.choose', { field: label });
    default:
      return t('validation.invalid', { field: label });
  }
}

/** rjsf's `transformErrors`: every ajv message replaced by a localised one; the oneOf/anyOf echoes of a failed choice are dropped. */
export function localizedErrors(t: TFunction, schema: Schema, uiSchema: UiNode, language: string) {
  return (errors: RJSFValidationError[]): RJSFValidationError[] =>
    errors
      .filter((error, index) => !((error.name === 'const' || error.name === 'enum') && errors.some((other, j) => j !== index && other.name === 'oneOf' && other.property === error.property)))
      .map((error) => {
        const message = fieldMessage(t, error, schema, uiSchema, language);
        return { ...error, message, stack: message };
      });
}
