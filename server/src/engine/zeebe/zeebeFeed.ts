import type { EngineEvent, ProcessEngine, Unsubscribe } from '@dealerflow/engine';
import type { DataSource } from 'typeorm';
import { actingAs, currentActor, type Actor } from '../actorContext';
import { feedFromOutside, type EngineEventFeed } from '../engineEventFeed';
import { knowInstance } from './knowInstance';
import type { TaskCommandActors } from './TaskCommandActors';

/**
 * Feeds the server's consumers from an engine over the wire, each event in a transaction of its
 * own, applied once by its key.
 *
 * Where the events come from, and why:
 * - user task creating, assigning, completing and canceling: the jobs of the engine's global user
 *   task listener (on our standalone engine `CAMUNDA_CLUSTER_GLOBALLISTENERS_USERTASK_0_TYPE`, on
 *   a Camunda 8.8+ cluster `camunda.cluster.global-listeners.user-task`). The engine holds each
 *   transition until its listener job completes, and the adapter completes the job only after
 *   the feed committed: the inbox row is written before an assign or complete command answers,
 *   so the person who acted reads their own change, and our row-level 409s stay right. A job
 *   whose worker died is offered again with the same key, so nothing is lost and nothing counts
 *   twice. The searches were the other choice: on a cluster they read secondary storage that an
 *   exporter fills in batches, so the inbox would lag and need polling with a cursor.
 * - instance created and terminated: the adapter announces the instances it creates and cancels
 *   before it answers, inside the request's actor, so the case row and its audit entry exist when
 *   the start or the cancel answers. A task of an instance the list lacks reads the instance first.
 *   Ends and incidents come from reading the instances (instanceSync).
 * A listener job is worked far from the request that caused it: a task event names the sender
 * of the command in flight on that task (on any server sharing the database), else the actor it
 * arrives under.
 */
export function zeebeFeed(engine: ProcessEngine, dataSource: DataSource, feed: EngineEventFeed, taskActors: TaskCommandActors): Unsubscribe {
  const apply = feedFromOutside(dataSource, feed);
  // only an assignment or a completion answers a task command someone sent; the others need no lookup
  const actorOf = async (event: EngineEvent): Promise<Actor> =>
    (event.type === 'userTask.assigned' || event.type === 'userTask.completed' ? await taskActors.of(event.task.key) : undefined) ?? currentActor();
  const subscriptions = feed.types().map((type) => engine.on(type, async (event) => {
    if (event.type === 'userTask.created') await knowInstance(engine, dataSource, apply, event.task.processInstanceKey);
    await actingAs(await actorOf(event), () => apply(event));
  }));
  return () => subscriptions.forEach((unsubscribe) => unsubscribe());
}
