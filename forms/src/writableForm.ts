/** A JSON Schema node, as far as finding read-only fields needs to walk it. */
interface SchemaNode {
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  required?: string[];
  readOnly?: boolean;
  [keyword: string]: unknown;
}

type UiNode = Record<string, unknown> | undefined;

/** A form cut down to what a user may write, and the input with everything else dropped. */
export interface WritableForm {
  schema: object;
  data: Record<string, unknown>;
  /** Dotted paths of read-only fields the input carried (and that were dropped). */
  dropped: string[];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const uiChild = (ui: UiNode, key: string): UiNode => (isObject(ui?.[key]) ? (ui[key] as Record<string, unknown>) : undefined);

const isReadOnly = (schema: SchemaNode, ui: UiNode) => schema.readOnly === true || ui?.['ui:readonly'] === true;

function writableNode(schema: SchemaNode, ui: UiNode, data: unknown, path: string, dropped: string[]): { schema: SchemaNode; data: unknown } {
  if (schema.properties) {
    const properties: Record<string, SchemaNode> = {};
    const values: Record<string, unknown> = isObject(data) ? { ...data } : {};
    for (const [key, child] of Object.entries(schema.properties)) {
      const childPath = path ? `${path}.${key}` : key;
      if (isReadOnly(child, uiChild(ui, key))) {
        if (isObject(data) && key in data) dropped.push(childPath);
        delete values[key];
        continue;
      }
      const writable = writableNode(child, uiChild(ui, key), isObject(data) ? data[key] : undefined, childPath, dropped);
      properties[key] = writable.schema;
      if (isObject(data) && key in data) values[key] = writable.data;
    }
    const required = schema.required?.filter((key) => key in properties);
    return { schema: { ...schema, properties, ...(required ? { required } : {}) }, data: isObject(data) ? values : data };
  }
  if (schema.items) {
    const items = writableNode(schema.items, uiChild(ui, 'items'), undefined, `${path}[]`, []).schema;
    const elements = Array.isArray(data) ? data.map((item) => writableNode(schema.items!, uiChild(ui, 'items'), item, `${path}[]`, dropped).data) : data;
    return { schema: { ...schema, items }, data: elements };
  }
  return { schema, data };
}

/**
 * Takes the read-only fields (JSON Schema `readOnly: true` or uiSchema `ui:readonly`) out of a
 * form's schema and out of submitted data, at any depth. A form shows them pre-filled and
 * clients send the whole form back, so they are dropped rather than refused: what reaches
 * the process is only what the user may write.
 */
export function writableForm(schema: object, uiSchema: object | undefined, data: Record<string, unknown>): WritableForm {
  const dropped: string[] = [];
  const result = writableNode(schema as SchemaNode, uiSchema as UiNode, data, '', dropped);
  return { schema: result.schema, data: (result.data ?? {}) as Record<string, unknown>, dropped: [...new Set(dropped)] };
}
