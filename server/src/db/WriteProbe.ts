import type { DataSource } from 'typeorm';

/** What the probe learned: the database commits writes, or it does not. */
export type WriteHealth = 'up' | 'down';

/**
 * Whether the database takes writes, learned by committing one tiny write. A read would answer
 * while the file is immutable, the disk is full, the server is a read-only replica after a
 * failover or our connections are dead; the outcome of recent requests says nothing when there
 * is no traffic and cannot tell when the database came back. The outcome is cached for a moment
 * and shared by concurrent callers, so a load balancer's polling costs at most one small write
 * per `ttlMs`.
 */
export class WriteProbe {
  private last?: { at: number; outcome: Promise<WriteHealth> };

  constructor(
    private readonly dataSource: DataSource,
    private readonly ttlMs = 1500,
    private readonly timeoutMs = 3000,
  ) {}

  /** 'up' when the probe's write committed within the timeout, at most `ttlMs` ago. */
  check(): Promise<WriteHealth> {
    const now = Date.now();
    if (this.last && now - this.last.at < this.ttlMs) return this.last.outcome;
    const outcome = this.probe();
    this.last = { at: now, outcome };
    return outcome;
  }

  private async probe(): Promise<WriteHealth> {
    const write = this.dataSource.transaction((manager) => manager.query('UPDATE health_probe SET checkedAt = ? WHERE id = 1', [new Date().toISOString()]));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<WriteHealth>((resolve) => (timer = setTimeout(() => resolve('down'), this.timeoutMs)));
    try {
      return await Promise.race([write.then((): WriteHealth => 'up', (): WriteHealth => 'down'), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
