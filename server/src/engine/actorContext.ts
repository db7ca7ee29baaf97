import { AsyncLocalStorage } from 'node:async_hooks';

/** Who caused the work in progress: a signed-in user, or `system` for timers and workers. */
export interface Actor {
  username: string;
}

const storage = new AsyncLocalStorage<Actor>();

/**
 * Runs `work` on behalf of `actor`. Engine listeners run inside the engine's step, far from
 * the request; this is how they learn whom to name in the audit trail and the projection.
 */
export function actingAs<T>(actor: Actor, work: () => Promise<T>): Promise<T> {
  return storage.run(actor, work);
}

/** The actor of the current work, `system` outside any request. */
export function currentActor(): Actor {
  return storage.getStore() ?? { username: 'system' };
}
