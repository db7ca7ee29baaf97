import { classificationOf, type Classification } from './classification';

/** A JSON Schema node, as far as masking needs to walk it. */
interface SchemaNode {
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  required?: string[];
  [keyword: string]: unknown;
}

/** A form with the fields the user may not see taken out of both schema and data. */
export interface MaskedForm {
  schema: object;
  data: Record<string, unknown>;
  /** Dotted paths of what was removed, so a client can say that something is hidden. */
  hidden: string[];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function maskNode(schema: SchemaNode, data: unknown, canSee: (c: Classification) => boolean, path: string, hidden: string[]): { schema: SchemaNode; data: unknown } {
  if (schema.properties) {
    const properties: Record<string, SchemaNode> = {};
    const values: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(schema.properties)) {
      const childPath = path ? `${path}.${key}` : key;
      if (!canSee(classificationOf(child))) {
        hidden.push(childPath);
        continue;
      }
      const masked = maskNode(child, isObject(data) ? data[key] : undefined, canSee, childPath, hidden);
      properties[key] = masked.schema;
      if (isObject(data) && key in data) values[key] = masked.data;
    }
    const required = schema.required?.filter((key) => key in properties);
    return { schema: { ...schema, properties, ...(required ? { required } : {}) }, data: isObject(data) ? values : data };
  }
  if (schema.items && Array.isArray(data)) {
    const itemSchema = maskNode(schema.items, undefined, canSee, `${path}[]`, hidden).schema;
    const items = data.map((item) => maskNode(schema.items!, item, canSee, `${path}[]`, []).data);
    return { schema: { ...schema, items: itemSchema }, data: items };
  }
  if (schema.items) return { schema: { ...schema, items: maskNode(schema.items, undefined, canSee, `${path}[]`, hidden).schema }, data };
  return { schema, data };
}

/**
 * Removes from a form's schema and data every field whose classification `canSee` refuses,
 * at any depth (objects and arrays of objects). Undeclared data keys are dropped too: a
 * client only ever receives what the schema describes and the user may see.
 */
export function maskForm(schema: object, data: Record<string, unknown>, canSee: (classification: Classification) => boolean): MaskedForm {
  const hidden: string[] = [];
  const masked = maskNode(schema as SchemaNode, data, canSee, '', hidden);
  return { schema: masked.schema, data: (masked.data ?? {}) as Record<string, unknown>, hidden: [...new Set(hidden)] };
}
