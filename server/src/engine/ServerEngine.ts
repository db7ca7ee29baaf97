import type { ProcessEngine, Unsubscribe } from '@dealerflow/engine';
import type { EngineEventFeed } from './engineEventFeed';

/**
 * The engine the server runs on, seen through the port, with the few things that differ by where
 * it runs: how the server's event consumers hear it, how it reports its health, and whether the
 * instance list must be backfilled from it at start.
 */
export interface ServerEngine {
  engine: ProcessEngine;
  /** Connects the server's consumers to the engine's events; the answer disconnects them. */
  feed(feed: EngineEventFeed): Unsubscribe;
  /** The engine's own account of its state: 'up', 'down', or 'unknown' when it gives none. */
  health(): Promise<string>;
  /** Adds the instances the engine ran before the instance list was fed; how many, or null when there was nothing to do. */
  backfill(): Promise<number | null>;
  /** Stops feeding and closes the engine (its state stays where it is kept). */
  close(): Promise<void>;
}
