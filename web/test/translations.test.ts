import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import elementNames from '@dealerflow/processes/element-names.json';
import en from '../src/i18n/en.json';
import ru from '../src/i18n/ru.json';

type Tree = { [key: string]: string | Tree };

/** Every dotted key of a translation tree. */
function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [prefix + key] : keys(value, `${prefix}${key}.`)));
}

const shippedBpmn = join(__dirname, '..', '..', 'processes', 'warranty', 'warranty-claim.bpmn');

describe('translations of the lists', () => {
  it('name the same steps of every shipped process in Russian and English', () => {
    expect(keys(elementNames.ru)).toEqual(keys(elementNames.en));
  });

  it('have the same keys in Russian and English (plural forms aside)', () => {
    const base = (tree: Tree) => [...new Set(keys(tree).map((key) => key.replace(/_(zero|one|two|few|many|other)$/, '')))].sort();
    expect(base(ru as Tree)).toEqual(base(en as Tree));
  });

  it('name every named element of the shipped warranty process in both languages', () => {
    const xml = readFileSync(shippedBpmn, 'utf8');
    const named = [...xml.matchAll(/<bpmn:(?!process|sequenceFlow)\w+ id="(\w+)" name="([^"]+)"/g)].map((match) => match[1]);
    expect(named).toEqual(expect.arrayContaining(['DecideClaim', 'ProvideInformation']));
    for (const language of [elementNames.ru, elementNames.en]) {
      expect(Object.keys(language['warranty-claim']).sort()).toEqual([...named].sort());
    }
    // The English names are the diagram's own; the Russian ones are translations, not copies.
    const russian = elementNames.ru['warranty-claim'];
    expect(Object.values(russian).every((name) => /[а-яё]/i.test(name))).toBe(true);
  });
});
