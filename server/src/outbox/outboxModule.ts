import { Outbox1732600000000 } from './1732600000000-Outbox';
import { defineModule } from '../modules/FeatureModule';
import { CreditNote } from './CreditNote';
import { NotificationRecord } from './NotificationRecord';

/** What plugins write for the outside world in the step's transaction: credit notes and notification records. */
export const outboxModule = defineModule({
  name: 'outbox',
  entities: [NotificationRecord, CreditNote],
  migrations: [Outbox1732600000000],
});
