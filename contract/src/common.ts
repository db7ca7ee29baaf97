import { Type, type Static, type TSchema } from '@sinclair/typebox';

/** `schema` or null. */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** A time as the API writes it: an ISO 8601 string. */
export const DateTime = Type.String({ format: 'date-time' });

/** A free-form JSON object (case variables, form data, JSON Schemas). */
export const JsonObject = Type.Record(Type.String(), Type.Unknown());

/** A list answer: `{ items }`. */
export const Items = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item) });

/** A page of a cursor-paged list; `nextCursor` is null on the last page. */
export const Page = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item), nextCursor: Nullable(Type.String()) });

/** Every error answer: a stable code, a sentence for people, and details (e.g. the invalid fields). */
export const ErrorBody = Type.Object({ code: Type.String(), message: Type.String(), details: Type.Unknown() });

/** Query-string forms of numbers and flags (query values arrive as text). */
export const Query = {
  limit: Type.String({ pattern: '^[1-9][0-9]{0,2}$', description: 'page size, 1 to 999' }),
  cursor: Type.String({ maxLength: 1200, description: 'the `nextCursor` of the previous page' }),
  version: Type.String({ pattern: '^[1-9][0-9]{0,8}$' }),
  day: Type.String({ pattern: '^[12][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$', description: 'a day, YYYY-MM-DD' }),
};

/** Path parameter sets used by many routes. */
export const KeyParams = Type.Object({ key: Type.String() });

/** Where a case stands, as lists filter it. */
export const InstanceListState = Type.Union([Type.Literal('active'), Type.Literal('completed'), Type.Literal('terminated')]);
export type InstanceListState = Static<typeof InstanceListState>;
