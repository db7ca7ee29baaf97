import type { Job, JobAcknowledgement, JobActions, JobHandler, Worker, WorkerOptions } from '../port';

/** What a worker needs from its engine. */
export interface WorkerHost {
  activate(type: string, max: number, timeout: number, worker: string, fetch?: string[]): Promise<Job[]>;
  actions(job: Job): JobActions;
  failed(job: Job, error: unknown): Promise<void>;
}

const ACK = {} as JobAcknowledgement;

/** Runs a handler on jobs of one type; the engine pokes it when jobs appear, a poll catches the rest. */
export class EmbeddedWorker implements Worker {
  private inFlight = 0;
  private draining = false;
  private again = false;
  private closed = false;
  private readonly max: number;
  private readonly timeout: number;
  private readonly name: string;

  constructor(readonly type: string, private readonly handler: JobHandler, private readonly host: WorkerHost, private readonly opts: WorkerOptions = {}) {
    this.max = opts.maxJobsActive ?? 32;
    this.timeout = opts.timeout ?? 30_000;
    this.name = opts.worker ?? `embedded-${type}`;
  }

  /** Asks the worker to look for jobs. */
  poke(): void {
    if (this.closed) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = true;
    void this.drain().finally(() => {
      this.draining = false;
      if (this.again) {
        this.again = false;
        this.poke();
      }
    });
  }

  private async drain(): Promise<void> {
    while (!this.closed && this.inFlight < this.max) {
      let jobs: Job[];
      try {
        jobs = await this.host.activate(this.type, this.max - this.inFlight, this.timeout, this.name, this.opts.fetchVariables);
      } catch {
        return;
      }
      if (jobs.length === 0) return;
      // a full batch may have left jobs behind: look again when one finishes; otherwise wait for a poke
      const full = jobs.length >= this.max - this.inFlight;
      for (const job of jobs) {
        this.inFlight++;
        void this.work(job).finally(() => {
          this.inFlight--;
          if (full) this.poke();
        });
      }
      if (!full) return;
    }
  }

  private async work(job: Job): Promise<void> {
    let acknowledged = false;
    const inner = this.host.actions(job);
    const once = <A extends unknown[]>(fn: (...args: A) => Promise<JobAcknowledgement>) => async (...args: A) => {
      if (acknowledged) throw new Error(`job ${job.key} was already acknowledged`);
      acknowledged = true;
      await fn(...args);
      return ACK;
    };
    const actions: JobActions = { complete: once(inner.complete), fail: once(inner.fail), error: once(inner.error) };
    try {
      await this.handler(job, actions);
      if (!acknowledged) await this.host.failed(job, new Error('handler returned without completing, failing or throwing an error'));
    } catch (e) {
      if (!acknowledged) await this.host.failed(job, e).catch(() => undefined);
    }
  }

  /** Stops taking jobs; jobs in flight finish. */
  async close(): Promise<void> {
    this.closed = true;
  }
}
