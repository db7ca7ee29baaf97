import type { FeatureModule } from '../modules/FeatureModule';
import { featureModules } from '../modules/featureModules';
import type { Services } from '../services';
import { EngineEventFeed, type FeedConsumer } from './engineEventFeed';

/**
 * The order each engine event reaches the modules' consumers, by name: the inbox first (the
 * audit entry of a task and the notification about it read the projected task), then the audit
 * entries of engine events, the instance list, notifications, the webhook outbox, message audit
 * and stock release.
 */
export const FEED_ORDER = ['inbox', 'engine-audit', 'instances', 'notifications', 'webhooks', 'message-audit', 'stock-release'] as const;

/** The modules' consumers of engine events in `FEED_ORDER`; a consumer missing from it, or an order naming none, stops the start-up. */
export function feedConsumers(services: Services, modules: readonly FeatureModule[] = featureModules): FeedConsumer[] {
  const consumers = modules.flatMap((module) => module.feed?.(services) ?? []);
  const named = consumers.map((consumer) => consumer.name);
  const unordered = named.filter((name) => !(FEED_ORDER as readonly string[]).includes(name));
  const absent = FEED_ORDER.filter((name) => !named.includes(name));
  if (unordered.length || absent.length || new Set(named).size !== named.length) {
    throw new Error(`the engine event feed's consumers (${named.join(', ')}) do not match its order (${FEED_ORDER.join(', ')})`);
  }
  return [...consumers].sort((a, b) => FEED_ORDER.indexOf(a.name as (typeof FEED_ORDER)[number]) - FEED_ORDER.indexOf(b.name as (typeof FEED_ORDER)[number]));
}

/** Every consumer of the engine's events the server has, in the order each event reaches them. */
export function serverEventFeed(services: Services): EngineEventFeed {
  const feed = new EngineEventFeed();
  for (const consumer of feedConsumers(services)) feed.add(consumer);
  return feed;
}
