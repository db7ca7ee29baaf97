import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Budget } from '../auth/sharedRateLimiter';
import { RateLimitedError } from '../errors/AppError';

/**
 * Each token's request budget per minute. `limiter` keeps the counts: in memory unless given one
 * that servers share (see sharedRateLimiter), so a token gets one budget behind a balancer.
 */
export class TokenRateLimit {
  private readonly limiter: RateLimiterAbstract;

  constructor(requestsPerMinute: number, limiter: (budget: Budget) => RateLimiterAbstract = (budget) => new RateLimiterMemory(budget)) {
    this.limiter = limiter({ keyPrefix: 'api-token', points: requestsPerMinute, duration: 60 });
  }

  /** Takes one request from the token's budget; 429 with Retry-After when it is spent. */
  async take(tokenId: string): Promise<void> {
    try {
      await this.limiter.consume(tokenId);
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      throw new RateLimitedError('This API token made too many requests; slow down', Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)));
    }
  }
}
