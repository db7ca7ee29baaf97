import type { ValueTransformer } from 'typeorm';

/** DECIMAL and BIGINT come back from MySQL as strings; the domain wants numbers. */
export const numberTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};
