/** `T` as a client reads it: its dates as ISO 8601 strings, everything else as it is. */
export type IsoDates<T> = T extends Date ? string : T extends readonly (infer U)[] ? IsoDates<U>[] : T extends object ? { [K in keyof T]: IsoDates<T[K]> } : T;

/** `value` with each date (at any depth of plain objects and arrays) written as the answer will carry it, so a handler's result can be typed by the contract. */
export function isoDates<T>(value: T): IsoDates<T> {
  if (value instanceof Date) return value.toISOString() as IsoDates<T>;
  if (Array.isArray(value)) return value.map((item: unknown) => isoDates(item)) as IsoDates<T>;
  if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, isoDates(item)])) as IsoDates<T>;
  }
  return value as IsoDates<T>;
}
