import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Every token starts with this, so a leaked one is recognisable (and secret scanners can find it). */
export const TOKEN_PREFIX = 'dft_';

const shape = /^dft_([A-Za-z0-9]{16})_([A-Za-z0-9_-]{43})$/;

/** A fresh token: its public id and the whole secret string the client sends. */
export function newToken(): { id: string; token: string } {
  // 16 alphanumerics from base64url without its two symbols: the id stays URL- and log-safe.
  const id = randomBytes(24).toString('base64url').replace(/[-_]/g, '').slice(0, 16).padEnd(16, '0');
  return { id, token: `${TOKEN_PREFIX}${id}_${randomBytes(32).toString('base64url')}` };
}

/** The id a well-formed token names, or null for anything else. */
export function tokenId(token: string): string | null {
  return shape.exec(token)?.[1] ?? null;
}

/** Hex SHA-256 of a token: what is stored. The secret has 256 random bits, so no slow hash is needed. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Whether `token` hashes to `storedHash`, in constant time. */
export function tokenMatches(token: string, storedHash: string): boolean {
  const actual = Buffer.from(hashToken(token), 'hex');
  const expected = Buffer.from(storedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
