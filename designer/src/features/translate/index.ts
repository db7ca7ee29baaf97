type Dictionary = Record<string, string>;

/** A bpmn-js `translate` module for `dictionary`; unknown texts stay as they are, `{name}` placeholders are filled. */
export function translateModule(dictionary: Dictionary) {
  const translate = (template: string, replacements: Record<string, string> = {}) =>
    (dictionary[template] ?? template).replace(/{([^}]+)}/g, (match, key: string) => replacements[key] ?? match);
  return { translate: ['value', translate] };
}
