import type { Context } from 'koa';

/** Value-and-signature pairs found good, per app (each app has its own keys). */
const goodPairs = new WeakMap<object, Map<string, true>>();
const MAX_PAIRS = 20_000;

/**
 * A signed cookie's value, or undefined when it is missing or its signature is wrong. The session
 * cookie comes back on every request, and checking a signature costs the `cookies` library three
 * HMACs and a random key; so each value and signature pair is checked by the library once and
 * remembered (oldest forgotten first). A bad signature is never remembered, and the library still
 * answers it as it does (clearing the bad signature cookie).
 */
export function signedCookie(ctx: Context, name: string): string | undefined {
  const value = ctx.cookies.get(name);
  const signature = ctx.cookies.get(`${name}.sig`);
  let pairs = goodPairs.get(ctx.app);
  if (!pairs) goodPairs.set(ctx.app, (pairs = new Map()));
  const pair = `${value}\n${signature}`;
  if (value && signature && pairs.has(pair)) return value;
  const checked = ctx.cookies.get(name, { signed: true });
  if (checked !== undefined && checked === value && signature) {
    if (pairs.size >= MAX_PAIRS) pairs.delete(pairs.keys().next().value!);
    pairs.set(pair, true);
  }
  return checked;
}
