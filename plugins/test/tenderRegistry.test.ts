import { normalizeName, trigramSimilarity } from '../src';

describe('trigramSimilarity', () => {
  it('ignores case, quotes, legal forms, ё and word order', () => {
    expect(normalizeName('ООО «Ёлка-Авто»')).toBe('елка авто');
    expect(trigramSimilarity('ПАО «Сбербанк»', 'сбербанк пао')).toBe(1);
    expect(trigramSimilarity('Поставка микроавтобусов для школ', 'для школ поставка микроавтобусов')).toBe(1);
  });

  it('scores a typo high and a different object low', () => {
    expect(trigramSimilarity('Поставка легковых автомобилей для администрации', 'Поставка легковых автомобилей для админстрации')).toBeGreaterThan(0.85);
    expect(trigramSimilarity('Поставка микроавтобусов для школ', 'Поставка служебных седанов для администрации')).toBeLessThan(0.6);
    expect(trigramSimilarity('', 'что-то')).toBe(0);
  });
});
