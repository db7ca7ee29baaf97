import { NotFoundError as EngineNotFound } from '@dealerflow/engine';
import type { CurrentUser } from '../auth/CurrentUser';
import { actingAs } from '../engine/actorContext';
import { ConflictError } from '../errors/AppError';

/** Runs an engine command on a task for the user; a task the engine no longer has was finished by someone else (409). */
export async function engineCommand(user: Pick<CurrentUser, 'username'>, taskKey: string, command: () => Promise<void>): Promise<void> {
  try {
    await actingAs({ username: user.username }, command);
  } catch (error) {
    if (error instanceof EngineNotFound) throw new ConflictError(`Task ${taskKey} has already ended`);
    throw error;
  }
}
