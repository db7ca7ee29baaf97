import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/** The hash before the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an entry that its hash covers. */
export interface HashedFields {
  seq: number;
  at: Date;
  actor: string;
  action: string;
  subjectType: string;
  subjectId: string;
  payload: string;
}

/** RFC 8785 canonical JSON: the same data always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value ?? null);
  if (text === undefined) throw new Error('Value cannot be written as JSON');
  return text;
}

/** SHA-256 over the previous hash and the canonical entry. */
export function chainHash(prevHash: string, entry: HashedFields): string {
  const { seq, at, actor, action, subjectType, subjectId, payload } = entry;
  const body = canonicalJson({ seq, at: at.toISOString(), actor, action, subjectType, subjectId, payload });
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}
