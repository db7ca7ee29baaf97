import type { EditedForm } from './formsApi';

type Schema = Record<string, unknown>;

/** The field types the field list offers; anything else is edited in the JSON tabs. */
export const FIELD_TYPES = ['string', 'text', 'number', 'integer', 'boolean', 'date', 'other'] as const;
/** One field type. */
export type FieldType = (typeof FIELD_TYPES)[number];
/** The classifications a field may carry (`x-classification`). */
export const CLASSIFICATIONS = ['public', 'internal', 'personal', 'financial'] as const;

/** One top-level field as the field list shows it. */
export interface FieldRow {
  name: string;
  type: FieldType;
  titleRu: string;
  titleEn: string;
  required: boolean;
  /** Allowed values (`oneOf` consts), empty when free. */
  options: string[];
  classification: string;
}

const propertiesOf = (form: EditedForm) => (form.schema.properties ?? {}) as Record<string, Schema>;
const requiredOf = (form: EditedForm) => (Array.isArray(form.schema.required) ? (form.schema.required as string[]) : []);

function typeOf(node: Schema, multiline: boolean): FieldType {
  if (node.type === 'string' && node.format === 'date') return 'date';
  if (node.type === 'string') return multiline ? 'text' : 'string';
  if (node.type === 'number' || node.type === 'integer' || node.type === 'boolean') return node.type;
  return 'other';
}

/** The form's top-level fields in schema order. */
export function fieldsOf(form: EditedForm): FieldRow[] {
  const required = requiredOf(form);
  return Object.entries(propertiesOf(form)).map(([name, node]) => ({
    name,
    type: typeOf(node, (form.uiSchema?.[name] as Schema | undefined)?.['ui:widget'] === 'textarea'),
    titleRu: typeof node.title === 'string' ? node.title : '',
    titleEn: form.labels?.en?.[name] ?? '',
    required: required.includes(name),
    options: Array.isArray(node.oneOf) ? (node.oneOf as Schema[]).map((o) => String(o.const)) : Array.isArray(node.enum) ? (node.enum as unknown[]).map(String) : [],
    classification: typeof node['x-classification'] === 'string' ? (node['x-classification'] as string) : 'internal',
  }));
}

function nodeFor(row: FieldRow, previous: Schema): Schema {
  const { type: _t, format: _f, oneOf: previousOneOf, enum: _e, title: _title, ...rest } = previous;
  const base: Schema = row.type === 'other' ? previous : { ...rest, ...(row.type === 'date' ? { type: 'string', format: 'date' } : { type: row.type === 'text' ? 'string' : row.type }) };
  const known = new Map(((previousOneOf ?? []) as Schema[]).map((o) => [String(o.const), o]));
  const node: Schema = { ...base, title: row.titleRu, 'x-classification': row.classification };
  delete node.oneOf;
  delete node.enum;
  if (row.options.length && row.type !== 'boolean' && row.type !== 'other') {
    node.oneOf = row.options.map((value) => known.get(value) ?? { const: row.type === 'number' || row.type === 'integer' ? Number(value) : value, title: value });
  }
  return node;
}

/** The form with field `name` replaced by `row` (same position; `row.name` may rename it). */
export function withField(form: EditedForm, name: string, row: FieldRow): EditedForm {
  const properties = Object.fromEntries(Object.entries(propertiesOf(form)).map(([key, node]) => (key === name ? [row.name, nodeFor(row, node)] : [key, node])));
  const required = requiredOf(form).filter((key) => key !== name);
  const labels = { ...(form.labels?.en ?? {}) };
  delete labels[name];
  if (row.titleEn) labels[row.name] = row.titleEn;
  const uiSchema = { ...(form.uiSchema ?? {}) };
  const ui = { ...((uiSchema[name] as Schema | undefined) ?? {}) };
  delete uiSchema[name];
  if (row.type === 'text') ui['ui:widget'] = 'textarea';
  else if (ui['ui:widget'] === 'textarea') delete ui['ui:widget'];
  if (Object.keys(ui).length) uiSchema[row.name] = ui;
  return { ...form, schema: { ...form.schema, properties, required: row.required ? [...required, row.name] : required }, uiSchema, labels: { ...form.labels, en: labels } };
}

/** The form with a new optional text field, named `field`, `field2`, … whichever is free. */
export function addField(form: EditedForm): EditedForm {
  const properties = propertiesOf(form);
  let name = 'field';
  for (let i = 2; name in properties; i++) name = `field${i}`;
  const row: FieldRow = { name, type: 'string', titleRu: 'Новое поле', titleEn: 'New field', required: false, options: [], classification: 'internal' };
  return withField({ ...form, schema: { ...form.schema, properties: { ...properties, [name]: {} } } }, name, row);
}

/** The form without field `name`. */
export function removeField(form: EditedForm, name: string): EditedForm {
  const { [name]: _removed, ...properties } = propertiesOf(form);
  const { [name]: _ui, ...uiSchema } = form.uiSchema ?? {};
  const labels = Object.fromEntries(Object.entries(form.labels?.en ?? {}).filter(([key]) => key !== name && !key.startsWith(`${name}.`)));
  return { ...form, schema: { ...form.schema, properties, required: requiredOf(form).filter((key) => key !== name) }, uiSchema, labels: { ...form.labels, en: labels } };
}

/** The form with field `name` moved `delta` places (the order rjsf shows). */
export function moveField(form: EditedForm, name: string, delta: number): EditedForm {
  const entries = Object.entries(propertiesOf(form));
  const from = entries.findIndex(([key]) => key === name);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= entries.length) return form;
  const [moved] = entries.splice(from, 1);
  entries.splice(to, 0, moved);
  return { ...form, schema: { ...form.schema, properties: Object.fromEntries(entries) } };
}

/** A new, empty form with `id`. */
export function emptyForm(id: string): EditedForm {
  return { id, title: { ru: 'Новая форма', en: 'New form' }, schema: { type: 'object', additionalProperties: false, properties: {}, required: [] }, uiSchema: {}, labels: { en: {} } };
}
