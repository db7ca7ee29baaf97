import argon2 from 'argon2';

/** Hashes a password with argon2id (salted, memory-hard). */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

let decoy: Promise<string> | undefined;

/**
 * Checks a password against a stored hash. Without a hash (unknown user) it still
 * spends the same time on a decoy, so response times do not reveal who exists.
 */
export async function verifyPassword(hash: string | undefined, password: string): Promise<boolean> {
  if (hash === undefined) {
    decoy ??= hashPassword('decoy-password');
    await argon2.verify(await decoy, password);
    return false;
  }
  return argon2.verify(hash, password);
}
