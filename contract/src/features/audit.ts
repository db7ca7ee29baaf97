import { Type, type Static } from '@sinclair/typebox';
import { route } from '../route';
import { DateTime, Nullable, Query } from '../common';

/** A text the server renders in both languages. */
export const Bilingual = Type.Object({ ru: Type.String(), en: Type.String() }, { additionalProperties: false });
export type Bilingual = Static<typeof Bilingual>;

/** One link of the hash-chained audit trail, as stored. */
export const auditEntryFields = {
  /** 1, 2, 3 … without gaps: the chain order. */
  seq: Type.Integer(),
  at: DateTime,
  /** The username of who did it, or `system`. */
  actor: Type.String(),
  /** What happened, e.g. `auth.login`, `dealer.update`. */
  action: Type.String(),
  subjectType: Type.String(),
  subjectId: Type.String(),
  /** The entry's details. */
  payload: Type.Unknown(),
  prevHash: Type.String(),
  /** SHA-256 of prevHash and the canonical entry. */
  hash: Type.String(),
};
export const AuditEntry = Type.Object(auditEntryFields, { additionalProperties: false });
export type AuditEntry = Static<typeof AuditEntry>;

/** The case an entry is about. */
export const AuditCase = Type.Object({ instanceKey: Type.String(), caseRef: Nullable(Type.String()), process: Bilingual, dealerName: Nullable(Type.String()) }, { additionalProperties: false });

/** An entry as people read it: the stored entry, who did it by name, a sentence, its details by label, and its case (absent when it is about none). */
export const AuditEntryView = Type.Object(
  {
    ...auditEntryFields,
    actorName: Bilingual,
    text: Bilingual,
    fields: Type.Array(Type.Object({ label: Bilingual, value: Bilingual }, { additionalProperties: false })),
    case: Type.Optional(AuditCase),
  },
  { additionalProperties: false },
);
export type AuditEntryView = Static<typeof AuditEntryView>;

/** A page of the trail; `nextCursor` is absent on the last page (and when walking forward with `afterSeq`). */
export const AuditPage = Type.Object({ items: Type.Array(AuditEntryView), nextCursor: Type.Optional(Type.String()) }, { additionalProperties: false });
export type AuditPage = Static<typeof AuditPage>;

/** The chain is intact, or where it breaks first. */
export const AuditVerification = Type.Union([
  Type.Object({ ok: Type.Literal(true), entries: Type.Integer(), lastHash: Type.String() }, { additionalProperties: false }),
  Type.Object({ ok: Type.Literal(false), entries: Type.Integer(), brokenAt: Type.Integer(), reason: Type.String() }, { additionalProperties: false }),
]);
export type AuditVerification = Static<typeof AuditVerification>;

const code = Type.String({ minLength: 1, maxLength: 64 });
const seqPattern = '^[0-9]{1,15}$';

/** The Audit page's filters: dates are whole UTC days (`to` included); `action` is one action or a family (letters only). */
export const AuditQuery = Type.Object(
  {
    actor: Type.Optional(code),
    action: Type.Optional(Type.String({ maxLength: 64, pattern: '^[a-zA-Z]+(\\.[a-zA-Z_]+)?$' })),
    instanceKey: Type.Optional(code),
    caseRef: Type.Optional(code),
    subjectType: Type.Optional(Type.String({ maxLength: 64 })),
    subjectId: Type.Optional(Type.String({ maxLength: 64 })),
    from: Type.Optional(Query.day),
    to: Type.Optional(Query.day),
    cursor: Type.Optional(Type.String({ pattern: seqPattern, description: 'newest first: the page after this `seq` (the `nextCursor` of the previous page)' })),
    afterSeq: Type.Optional(Type.String({ pattern: seqPattern, description: 'oldest first: the entries after this `seq`' })),
    limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,4}$', description: 'page size, at most 1000' })),
  },
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof AuditQuery>;

/** The trail: read it filtered, verify the chain, export one case's evidence. */
export const auditRoutes = {
  list: route({ method: 'GET', path: '/api/audit', summary: 'The audit trail, filtered and paged, newest first', tags: ['audit'], auth: 'user', query: AuditQuery, responses: { 200: AuditPage } }),
  verify: route({ method: 'GET', path: '/api/audit/verify', summary: 'Recomputes the hash chain and names the first broken link', tags: ['audit'], auth: 'user', responses: { 200: AuditVerification } }),
  evidence: route({
    method: 'GET',
    path: '/api/audit/evidence',
    summary: "One case's audit entries as a PDF to hand over as evidence",
    tags: ['audit'],
    auth: 'user',
    query: Type.Object({ instanceKey: code }, { additionalProperties: false }),
    responses: { 200: { mediaType: 'application/pdf', description: "the case's entries, their hashes and how to verify them" } },
  }),
};
