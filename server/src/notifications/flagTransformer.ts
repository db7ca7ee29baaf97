import type { ValueTransformer } from 'typeorm';

/** A boolean kept as 0/1 in an integer column, the same on SQLite and MariaDB. */
export const flagTransformer: ValueTransformer = {
  to: (value: boolean | undefined) => (value === undefined ? undefined : value ? 1 : 0),
  from: (value: number | string | null) => Number(value) === 1,
};
