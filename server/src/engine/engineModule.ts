import { defineModule } from '../modules/FeatureModule';
import { AppliedEngineEvents1735500000000 } from './1735500000000-AppliedEngineEvents';
import { AppliedEngineEvent } from './AppliedEngineEvent';
import { auditEngineEvents } from './auditEngineEvents';

/** The server's side of the engine: which events each recorded consumer applied, and the audit entries of engine events. */
export const engineModule = defineModule({
  name: 'engine',
  entities: [AppliedEngineEvent],
  migrations: [AppliedEngineEvents1735500000000],
  feed: (s) => [auditEngineEvents(s.audit)],
});
