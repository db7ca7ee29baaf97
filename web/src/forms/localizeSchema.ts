type Schema = Record<string, unknown>;

/** The form's title in the UI language (the server sends `{ ru, en }`, older forms a plain string). */
export function formTitle(title: { ru: string; en: string } | string, language: string): string {
  if (typeof title === 'string') return title;
  return language.startsWith('en') ? title.en : title.ru;
}

function localize(schema: Schema, path: string, labels: Record<string, string>): Schema {
  const result: Schema = { ...schema };
  if (path && labels[path]) result.title = labels[path];
  if (Array.isArray(schema.oneOf)) {
    result.oneOf = (schema.oneOf as Schema[]).map((option) => {
      const label = labels[`${path}.${String(option.const)}`];
      return label ? { ...option, title: label } : option;
    });
  }
  if (schema.properties && typeof schema.properties === 'object') {
    const properties: Record<string, Schema> = {};
    for (const [name, child] of Object.entries(schema.properties as Record<string, Schema>)) {
      properties[name] = localize(child, path ? `${path}.${name}` : name, labels);
    }
    result.properties = properties;
  }
  if (schema.items && typeof schema.items === 'object' && !Array.isArray(schema.items)) result.items = localize(schema.items as Schema, path, labels);
  return result;
}

/** The schema with English titles from `labels.en` when the UI speaks English, without the root title, and without hidden fields. */
export function localizeSchema(schema: Schema, labels: Record<string, string> | undefined, language: string, hidden: string[] = []): Schema {
  const localized = language.startsWith('en') && labels ? localize(schema, '', labels) : { ...schema };
  delete localized.title;
  const topHidden = hidden.filter((path) => !path.includes('.'));
  if (topHidden.length && localized.properties) {
    const properties = { ...(localized.properties as Record<string, Schema>) };
    for (const name of topHidden) delete properties[name];
    localized.properties = properties;
    if (Array.isArray(localized.required)) localized.required = (localized.required as string[]).filter((name) => !topHidden.includes(name));
  }
  return localized;
}

/** Keeps only the values the schema's top level declares (forms refuse additional properties). */
export function pickSchemaData(schema: Schema, data: Record<string, unknown> | null | undefined): Record<string, unknown> {
  const properties = (schema.properties ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(data ?? {}).filter(([name, value]) => name in properties && value !== null));
}
