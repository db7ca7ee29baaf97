import { AuditEntry } from '../entities/AuditEntry';
import { AuditHead } from '../entities/AuditHead';
import { defineModule } from '../modules/FeatureModule';
import { AuditFilters1734800000000 } from './1734800000000-AuditFilters';
import { AuditEvidence } from './AuditEvidence';
import { AuditQuery } from './AuditQuery';
import { auditRoutes } from './auditRoutes';
import { AuditTrail } from './AuditTrail';

/** The hash-chained audit trail every feature writes to, its reading and its evidence export. */
export const auditModule = defineModule({
  name: 'audit',
  entities: [AuditEntry, AuditHead],
  migrations: [AuditFilters1734800000000],
  makes: ['audit', 'auditQuery', 'auditEvidence'],
  services: ({ dataSource }) => {
    const audit = new AuditTrail(dataSource);
    return { audit, auditQuery: new AuditQuery(dataSource), auditEvidence: new AuditEvidence(dataSource, audit) };
  },
  routes: (s) => [auditRoutes(s.audit, s.auditQuery, s.auditEvidence)],
});
