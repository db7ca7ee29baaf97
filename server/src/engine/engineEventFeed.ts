import type { EmbeddedEngine, EngineEvent, EngineEventType, Unsubscribe } from '@dealerflow/engine';
import type { DataSource, EntityManager } from 'typeorm';
import { retryOnDuplicate } from '../db/retryTransaction';
import { AppliedEngineEvent } from './AppliedEngineEvent';

/** Applies one engine event, writing in the caller's transaction. */
export type EngineEventConsumer = (event: EngineEvent, manager: EntityManager) => Promise<void>;

/** A consumer as the feed knows it. */
export interface FeedConsumer {
  /** Names it in the applied-events table (at most 32 characters). */
  name: string;
  /** The event types it acts on; the feed hands it no other. */
  types: readonly EngineEventType[];
  /**
   * How an event delivered twice has one effect: 'natural' when the consumer's own writes are
   * keyed by the event (an insert that ignores duplicates, an update guarded by the state it
   * leaves); 'recorded' when the feed records (consumer, event key) beside them and skips an
   * event it finds recorded.
   */
  once: 'natural' | 'recorded';
  /** For a recorded consumer: whether this event concerns it at all (else nothing is recorded). */
  wants?: (event: EngineEvent) => boolean;
  consume: EngineEventConsumer;
}

/**
 * The one place the server's consumers of engine events are registered: the inbox, the
 * instance list with its statistics, the audit entries of engine events, notifications, the
 * webhook outbox, stock release, message audit. Each event goes through them in registration
 * order, inside the transaction it is given; every consumer applies each event once.
 */
export class EngineEventFeed {
  private readonly consumers: FeedConsumer[] = [];

  /** Registers a consumer after those already there. */
  add(consumer: FeedConsumer): this {
    if (consumer.name.length > 32) throw new Error(`consumer name too long: ${consumer.name}`);
    this.consumers.push(consumer);
    return this;
  }

  /** Every event type some consumer acts on. */
  types(): EngineEventType[] {
    return [...new Set(this.consumers.flatMap((c) => c.types))];
  }

  /** Applies one event with every consumer that acts on it, in the given transaction. */
  async apply(event: EngineEvent, manager: EntityManager): Promise<void> {
    for (const consumer of this.consumers) {
      if (!consumer.types.includes(event.type)) continue;
      if (consumer.once === 'recorded') {
        if (consumer.wants && !consumer.wants(event)) continue;
        if (!(await firstApplication(manager, consumer.name, event.eventKey))) continue;
      }
      await consumer.consume(event, manager);
    }
  }
}

/**
 * Records that a consumer applied an event; false when it already had. Two transactions
 * applying the same event at once both insert the same key: the later one fails on it and
 * rolls back whole, so the event still has one effect.
 */
async function firstApplication(manager: EntityManager, consumer: string, eventKey: string): Promise<boolean> {
  if (await manager.existsBy(AppliedEngineEvent, { consumer, eventKey })) return false;
  await manager.insert(AppliedEngineEvent, { consumer, eventKey, appliedAt: new Date() });
  return true;
}

/**
 * In process: the embedded engine runs the feed inside each step's transaction, so the step
 * and everything its events change commit together (a throw rolls the step back).
 */
export function feedInStep(engine: EmbeddedEngine<EntityManager>, feed: EngineEventFeed): Unsubscribe {
  const subscriptions = feed.types().map((type) => engine.on(type, (event, manager) => feed.apply(event, manager)));
  return () => subscriptions.forEach((unsubscribe) => unsubscribe());
}

/**
 * Over the wire: each event, from whatever source (a user task listener job, a search read
 * again), is applied in a transaction of its own. Delivering an event twice is harmless: a
 * delivery racing another of the same event loses on its key and runs again, finding it applied.
 */
export function feedFromOutside(dataSource: DataSource, feed: EngineEventFeed): (event: EngineEvent) => Promise<void> {
  return (event) => retryOnDuplicate(() => dataSource.transaction((manager) => feed.apply(event, manager)));
}
