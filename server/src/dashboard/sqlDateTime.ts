/** A UTC datetime as both SQLite (stored text) and MariaDB (literal) compare it: `YYYY-MM-DD HH:MM:SS.SSS`. */
export function sqlDateTime(date: Date): string {
  return date.toISOString().replace('T', ' ').slice(0, 23);
}
