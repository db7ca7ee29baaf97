import { isDeepStrictEqual } from 'node:util';

/** A linked form as a version keeps it. */
type LinkedForm = { id: string; schema?: unknown; uiSchema?: unknown; title?: unknown; labels?: unknown };

/** How the forms a version links differ from another version's, by form id. */
export interface FormsDiff {
  added: string[];
  removed: string[];
  /** Forms in both whose schema (the fields, their types and rules) changed. */
  schemaChanged: string[];
  /** Forms in both whose schema is the same but whose layout, title or labels changed. */
  presentationChanged: string[];
}

const byId = (forms: object[]) => new Map((forms as LinkedForm[]).map((form) => [form.id, form]));

/** What changed between two versions' linked forms. */
export function diffForms(before: object[], after: object[]): FormsDiff {
  const old = byId(before);
  const now = byId(after);
  const both = [...now.keys()].filter((id) => old.has(id));
  const schemaChanged = both.filter((id) => !isDeepStrictEqual(old.get(id)!.schema, now.get(id)!.schema));
  const presentationChanged = both.filter((id) => !schemaChanged.includes(id) && !isDeepStrictEqual(old.get(id), now.get(id)));
  return {
    added: [...now.keys()].filter((id) => !old.has(id)).sort(),
    removed: [...old.keys()].filter((id) => !now.has(id)).sort(),
    schemaChanged: schemaChanged.sort(),
    presentationChanged: presentationChanged.sort(),
  };
}
