import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitedError } from '../errors/AppError';

/**
 * Each token's request budget per minute, kept in this process's memory (several servers
 * behind a balancer each grant the budget; a shared store can replace the limiter then).
 */
export class TokenRateLimit {
  private readonly limiter: RateLimiterMemory;

  constructor(requestsPerMinute: number) {
    this.limiter = new RateLimiterMemory({ points: requestsPerMinute, duration: 60 });
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
