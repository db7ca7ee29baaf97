/**
 * Counts the attempts of jobs this worker has seen. A job keeps its key across retries and
 * each failure takes one retry off, so the attempt is the retries first seen minus the
 * retries now. Neither engine reports an attempt number, hence the memory; after a restart
 * a job's back-off starts over from the first step, never shorter than that.
 */
export class JobAttempts {
  private readonly firstRetries = new Map<string, number>();

  constructor(private readonly capacity = 10_000) {}

  /** The zero-based attempt of a job about to run (0 the first time it is seen). */
  attempt(jobKey: string, retries: number): number {
    let first = this.firstRetries.get(jobKey);
    if (first === undefined || retries > first) {
      // retries raised (an incident retried with more): count from here
      first = retries;
      if (this.firstRetries.size >= this.capacity) this.firstRetries.delete(this.firstRetries.keys().next().value as string);
      this.firstRetries.set(jobKey, first);
    }
    return first - retries;
  }

  /** Forgets a job that will not be retried (completed, errored or out of retries). */
  done(jobKey: string): void {
    this.firstRetries.delete(jobKey);
  }
}
