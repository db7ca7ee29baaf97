import type { Clock } from '../port';

/** A clock that moves only when told: timers are tested without sleeping. */
export class ManualClock implements Clock {
  constructor(private current = Date.parse('2026-01-01T00:00:00Z')) {}

  /** The current time in epoch ms. */
  now(): number {
    return this.current;
  }

  /** Moves the clock forward. */
  advance(ms: number): void {
    this.current += ms;
  }
}
