/** Formats roubles for the UI language, without kopecks. */
export function formatMoney(amount: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'currency', currency: 'RUB', maximumFractionDigits: 0 }).format(amount);
}

/** Formats a number with a fixed count of decimals for the UI language. */
export function formatDecimal(value: number, language: string, digits = 1): string {
  return new Intl.NumberFormat(language, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** Formats an ISO timestamp as a local date and time, to the second. */
export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'medium' }).format(date);
}
