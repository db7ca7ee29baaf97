const WEIGHTS_10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const WEIGHTS_11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const WEIGHTS_12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

const checkDigit = (digits: number[], weights: number[]) => (weights.reduce((sum, w, i) => sum + w * digits[i], 0) % 11) % 10;

/**
 * Whether `value` is a Russian taxpayer number (ИНН) with valid check digits: 10 digits for an
 * organisation (one check digit), 12 for an individual or sole trader (two). The algorithm is
 * the Federal Tax Service's: weighted sum mod 11, then mod 10.
 */
export function isValidInn(value: string): boolean {
  if (!/^(\d{10}|\d{12})$/.test(value)) return false;
  const digits = [...value].map(Number);
  if (digits.length === 10) return checkDigit(digits, WEIGHTS_10) === digits[9];
  return checkDigit(digits, WEIGHTS_11) === digits[10] && checkDigit(digits, WEIGHTS_12) === digits[11];
}

/** Custom JSON Schema formats our forms use, shared by the server's ajv and the browser's. */
export const customFormats = { inn: isValidInn } as const;
