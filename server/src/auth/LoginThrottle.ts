import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Budget } from './sharedRateLimiter';

/** Limits on sign-in attempts; successful ones give their points back. */
export interface LoginThrottleOptions {
  /** Attempts allowed per username and address within `windowSeconds`. */
  perAccount: number;
  /** Attempts allowed per address, whatever the username. */
  perAddress: number;
  windowSeconds: number;
}

/** The throttle's answer before a password is checked. */
export type LoginPermit =
  | { allowed: true }
  /** `firstRefusal`: the first refusal of a budget in its window (so it is recorded once, not per request). */
  | { allowed: false; retryAfterSeconds: number; firstRefusal: boolean };

/** The limits when none are configured. */
export const DEFAULT_LOGIN_LIMITS: LoginThrottleOptions = { perAccount: 5, perAddress: 50, windowSeconds: 15 * 60 };

/**
 * Slows password guessing. Each attempt takes its point before the password is checked, so
 * parallel requests cannot all slip past a check that only counted finished failures.
 */
export class LoginThrottle {
  private readonly byAccount: RateLimiterAbstract;
  private readonly byAddress: RateLimiterAbstract;

  /** `limiter` keeps the counts: in memory unless given one that servers share (see sharedRateLimiter). */
  constructor(options: LoginThrottleOptions = DEFAULT_LOGIN_LIMITS, limiter: (budget: Budget) => RateLimiterAbstract = (budget) => new RateLimiterMemory(budget)) {
    this.byAccount = limiter({ keyPrefix: 'login-account', points: options.perAccount, duration: options.windowSeconds });
    this.byAddress = limiter({ keyPrefix: 'login-address', points: options.perAddress, duration: options.windowSeconds });
  }

  /** Takes one attempt from the account's and the address's budget; refused when either is spent. */
  async take(username: string, address: string): Promise<LoginPermit> {
    // The account first: attempts it refuses do not spend the address's budget for other accounts.
    const account = await consume(this.byAccount, accountKey(username, address));
    const refused = account.consumedPoints > account.points ? account : await consume(this.byAddress, address);
    if (refused.consumedPoints <= refused.points) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(refused.msBeforeNext / 1000)), firstRefusal: refused.consumedPoints === refused.points + 1 };
  }

  /** A good sign-in: the account's attempts are forgotten and the address gets its point back. */
  async succeeded(username: string, address: string): Promise<void> {
    await Promise.all([this.byAccount.delete(accountKey(username, address)), this.byAddress.reward(address, 1)]);
  }
}

const accountKey = (username: string, address: string) => `${username.toLowerCase()}|${address}`;

/** consume() rejects with the limiter state once points run out; both outcomes are an answer here. */
async function consume(limiter: RateLimiterAbstract, key: string): Promise<RateLimiterRes & { points: number }> {
  const res = await limiter.consume(key).catch((reason: unknown) => {
    if (reason instanceof RateLimiterRes) return reason;
    throw reason;
  });
  return Object.assign(res, { points: limiter.points });
}
