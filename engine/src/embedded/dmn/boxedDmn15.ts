/** Where the DMN 1.4/1.5 boxed expressions are read from: their tags are moved into this namespace before parsing. */
export const DMN15_BOXED_URI = 'http://dealerflow.example/schema/dmn15-boxed';

/**
 * A moddle package for the boxed expressions DMN 1.4 and 1.5 added (conditional, filter,
 * for, some, every), which the DMN 1.3 moddle does not know.
 */
export const dmn15Boxed = {
  name: 'DMN15Boxed',
  prefix: 'dmn15',
  uri: DMN15_BOXED_URI,
  xml: { tagAlias: 'lowerCase' },
  types: [
    { name: 'ChildExpression', properties: [{ name: 'value', type: 'dmn:Expression' }] },
    { name: 'Conditional', superClass: ['dmn:Expression'], properties: [{ name: 'if', type: 'ChildExpression' }, { name: 'then', type: 'ChildExpression' }, { name: 'else', type: 'ChildExpression' }] },
    { name: 'Filter', superClass: ['dmn:Expression'], properties: [{ name: 'in', type: 'ChildExpression' }, { name: 'match', type: 'ChildExpression' }] },
    { name: 'Iterator', isAbstract: true, superClass: ['dmn:Expression'], properties: [{ name: 'iteratorVariable', isAttr: true, type: 'String' }, { name: 'in', type: 'ChildExpression' }] },
    { name: 'For', superClass: ['Iterator'], properties: [{ name: 'return', type: 'ChildExpression' }] },
    { name: 'Some', superClass: ['Iterator'], properties: [{ name: 'satisfies', type: 'ChildExpression' }] },
    { name: 'Every', superClass: ['Iterator'], properties: [{ name: 'satisfies', type: 'ChildExpression' }] },
  ],
};

const TAGS = /<(\/?)(?:[\w-]+:)?(conditional|if|then|else|filter|in|match|for|return|some|every|satisfies)(?=[\s/>])/g;

/** Moves the DMN 1.5 boxed expression tags into their own namespace, so the moddle reads them with the package above. */
export function namespaceDmn15Boxed(xml: string): string {
  if (!/<(?:[\w-]+:)?(conditional|filter|for|some|every)[\s>]/.test(xml)) return xml;
  return xml
    .replace(TAGS, '<$1dmn15:$2')
    .replace(/<((?:[\w-]+:)?definitions)(?=[\s>])/, `<$1 xmlns:dmn15="${DMN15_BOXED_URI}"`);
}
