import { defineModule } from '../modules/FeatureModule';
import { AppliedEngineEvents1735500000000 } from './1735500000000-AppliedEngineEvents';
import { AppliedEngineEvent } from './AppliedEngineEvent';
import { auditEngineEvents } from './auditEngineEvents';
import { TaskCommands1735910000001 } from './zeebe/1735910000001-TaskCommands';
import { TaskCommandRow } from './zeebe/TaskCommandRow';

/** The server's side of the engine: which events each recorded consumer applied, who sent the task commands in flight over the wire, and the audit entries of engine events. */
export const engineModule = defineModule({
  name: 'engine',
  entities: [AppliedEngineEvent, TaskCommandRow],
  migrations: [AppliedEngineEvents1735500000000, TaskCommands1735910000001],
  feed: (s) => [auditEngineEvents(s.audit)],
});
