/** Legal forms and filler words that say nothing about which customer or object it is. */
const NOISE = new Set(['ооо', 'оао', 'зао', 'пао', 'ао', 'ип', 'гбу', 'гку', 'мбу', 'мку', 'фгбу', 'фгуп', 'муп', 'гуп', 'llc', 'jsc', 'ltd', 'г', 'ул', 'д']);

/** Lower case, ё as е, legal forms and punctuation dropped, spaces collapsed. */
export function normalizeName(value: string): string {
  return value.toLowerCase().replace(/ё/g, 'е').replace(/[^\p{L}\p{N}]+/gu, ' ').split(' ').filter((word) => word && !NOISE.has(word)).join(' ');
}

function trigrams(value: string): Map<string, number> {
  const grams = new Map<string, number>();
  for (const word of normalizeName(value).split(' ').filter(Boolean)) {
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) {
      const gram = padded.slice(i, i + 3);
      grams.set(gram, (grams.get(gram) ?? 0) + 1);
    }
  }
  return grams;
}

/**
 * How alike two names are, 0..1: the Dice coefficient of their word trigrams (as PostgreSQL's
 * pg_trgm pads them) after normalising. Word order, case, quotes and legal forms do not matter,
 * and one typo in a long name costs little, which fits customer names and tender objects.
 */
export function trigramSimilarity(a: string, b: string): number {
  const x = trigrams(a);
  const y = trigrams(b);
  const size = (grams: Map<string, number>) => [...grams.values()].reduce((n, c) => n + c, 0);
  const total = size(x) + size(y);
  if (total === 0) return 0;
  let shared = 0;
  for (const [gram, count] of x) shared += Math.min(count, y.get(gram) ?? 0);
  return (2 * shared) / total;
}
