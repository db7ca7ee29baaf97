import type { EntityManager, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent, TransactionStartEvent } from 'typeorm';

/** What waits for each query runner's transaction to commit. */
const waiting = new WeakMap<QueryRunner, Array<() => void>>();

/**
 * Ends what waits on a query runner: runs it when its outermost transaction commits, drops it
 * when that transaction rolls back or a new one begins (the last one never ended cleanly: a failed
 * COMMIT). A savepoint released or rolled back inside leaves it waiting for the outer end.
 */
const subscriber: EntitySubscriberInterface = {
  beforeTransactionStart({ queryRunner }: TransactionStartEvent) {
    if (!queryRunner.isTransactionActive) waiting.delete(queryRunner);
  },
  afterTransactionCommit({ queryRunner }: TransactionCommitEvent) {
    if (queryRunner.isTransactionActive) return;
    const work = waiting.get(queryRunner) ?? [];
    waiting.delete(queryRunner);
    for (const run of work) run();
  },
  afterTransactionRollback({ queryRunner }: TransactionRollbackEvent) {
    if (!queryRunner.isTransactionActive) waiting.delete(queryRunner);
  },
};

/**
 * Runs `run` once the transaction `manager` writes in has committed, and never if it rolls back:
 * for telling others about a change only when they can read it. Outside a transaction it runs now.
 */
export function afterCommit(manager: EntityManager, run: () => void): void {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) {
    run();
    return;
  }
  const subscribers = manager.connection.subscribers;
  if (!subscribers.includes(subscriber)) subscribers.push(subscriber);
  const work = waiting.get(runner);
  if (work) work.push(run);
  else waiting.set(runner, [run]);
}
