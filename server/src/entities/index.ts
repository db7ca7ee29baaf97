import { featureModules } from '../modules/featureModules';
import { AuditEntry } from './AuditEntry';
import { AuditHead } from './AuditHead';
import { Dealer } from './Dealer';
import { Role } from './Role';
import { Session } from './Session';
import { User } from './User';

export { AuditEntry, AuditHead, Dealer, Role, Session, User };

/** Every entity the server's DataSource maps: those of every feature module. */
export const entities = featureModules.flatMap((module) => module.entities ?? []);
