import type { Variables } from '@dealerflow/engine';
import type { DataSource } from 'typeorm';
import { ZeebeEngine, type ZeebeEngineOptions } from '@dealerflow/engine/dist/zeebe';
import { TaskCommandActors } from './TaskCommandActors';

/** The adapter, remembering who sent each task command while it waits on the task's listeners. */
export class ActorAwareZeebeEngine extends ZeebeEngine {
  /** The senders of the task commands in flight. */
  readonly taskActors: TaskCommandActors;

  /** `dataSource`: where servers sharing it tell each other who sent a command (see TaskCommandActors). */
  constructor(options: ZeebeEngineOptions, dataSource?: DataSource) {
    super(options);
    this.taskActors = new TaskCommandActors(dataSource);
  }

  override completeUserTask(taskKey: string, variables?: Variables): Promise<void> {
    return this.taskActors.around(taskKey, () => super.completeUserTask(taskKey, variables));
  }

  override assignUserTask(taskKey: string, assignee: string | undefined): Promise<void> {
    return this.taskActors.around(taskKey, () => super.assignUserTask(taskKey, assignee));
  }
}
