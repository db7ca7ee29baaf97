import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitedError } from '../errors/AppError';

/** Limits on failed sign-ins; successful ones clear the per-account counter. */
export interface LoginThrottleOptions {
  /** Failures allowed per username and address within `windowSeconds`. */
  perAccount: number;
  /** Failures allowed per address, whatever the username. */
  perAddress: number;
  windowSeconds: number;
}

/** Slows password guessing: too many failures answer 429 with Retry-After. */
export class LoginThrottle {
  private readonly byAccount: RateLimiterMemory;
  private readonly byAddress: RateLimiterMemory;

  constructor(options: LoginThrottleOptions = { perAccount: 5, perAddress: 50, windowSeconds: 15 * 60 }) {
    this.byAccount = new RateLimiterMemory({ points: options.perAccount, duration: options.windowSeconds });
    this.byAddress = new RateLimiterMemory({ points: options.perAddress, duration: options.windowSeconds });
  }

  /** Throws RateLimitedError when this address or this account is blocked. */
  async assertAllowed(username: string, address: string): Promise<void> {
    const [account, ip] = await Promise.all([this.byAccount.get(accountKey(username, address)), this.byAddress.get(address)]);
    const blocked = [account, ip].find((res) => res !== null && res.remainingPoints <= 0 && res.msBeforeNext > 0);
    if (blocked) throw tooMany(blocked);
  }

  /** Counts a failed attempt. */
  async recordFailure(username: string, address: string): Promise<void> {
    await Promise.all([
      this.byAccount.consume(accountKey(username, address)).catch(ignoreRejection),
      this.byAddress.consume(address).catch(ignoreRejection),
    ]);
  }

  /** Forgets the account's failures after a good sign-in. */
  async recordSuccess(username: string, address: string): Promise<void> {
    await this.byAccount.delete(accountKey(username, address));
  }
}

const accountKey = (username: string, address: string) => `${username.toLowerCase()}|${address}`;

/** consume() rejects with the limiter state once points run out; the next assertAllowed reports it. */
function ignoreRejection(reason: unknown): void {
  if (!(reason instanceof RateLimiterRes)) throw reason;
}

function tooMany(res: RateLimiterRes): RateLimitedError {
  return new RateLimitedError('Too many failed sign-in attempts; try again later', Math.max(1, Math.ceil(res.msBeforeNext / 1000)));
}
