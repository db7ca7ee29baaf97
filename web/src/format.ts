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

/** Formats an ISO timestamp as a local date. */
export function formatDate(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'short' }).format(date);
}

/** Splits a duration into "2 d 4 h" / "3 h 10 min" parts (days, hours, minutes), largest two. */
export function durationParts(ms: number): { days: number; hours: number; minutes: number } {
  const minutesTotal = Math.floor(Math.abs(ms) / 60_000);
  return { days: Math.floor(minutesTotal / 1440), hours: Math.floor((minutesTotal % 1440) / 60), minutes: minutesTotal % 60 };
}

/** Formats a byte count as B / KB / MB. */
export function formatBytes(size: number, language: string): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${formatDecimal(size / 1024, language)} KB`;
  return `${formatDecimal(size / 1024 / 1024, language)} MB`;
}
