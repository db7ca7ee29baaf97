import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { AuditTrail } from '../audit/AuditTrail';
import { hashPassword } from '../auth/passwords';
import { Dealer } from '../entities/Dealer';
import { Role } from '../entities/Role';
import { User } from '../entities/User';
import { roleCatalog } from '../permissions/roleCatalog';
import { ServiceCampaign } from '../warranty/ServiceCampaign';
import { Vehicle } from '../warranty/Vehicle';
import { WarrantyTerms } from '../warranty/WarrantyTerms';
import { LedgerEntry } from '../finance/LedgerEntry';
import { StockVehicle } from '../allocation/StockVehicle';
import { demoLedger, demoStock } from './demoStock';
import { seedLeadNetwork } from '../leads/demoTerritories';
import { seedDemoPlans } from '../kpi/demoPlans';
import { demoTenderProducts } from './demoTenders';
import { TenderProduct } from '../tenders/TenderProduct';
import { demoCampaigns, demoDealers, demoPassword, demoUsers, demoVehicles, demoWarrantyTerms } from './demoData';

/** Stores the shipped roles that the database does not have yet (an admin's edits to existing ones stay). */
export async function ensureRoles(dataSource: DataSource, audit: AuditTrail): Promise<string[]> {
  return dataSource.transaction(async (manager) => {
    const existing = new Set((await manager.find(Role)).map((role) => role.name));
    const missing = roleCatalog.filter((role) => !existing.has(role.name));
    if (missing.length === 0) return [];
    // TypeORM's insert rewrites the objects it is given, so it gets copies of the catalog.
    // (Rules are JSON; its deep-partial type cannot follow CASL's query types.)
    await manager.insert(Role, structuredClone(missing) as unknown as QueryDeepPartialEntity<Role>[]);
    await audit.append(manager, { actor: 'system', action: 'role.seed', subjectType: 'Role', subjectId: '*', payload: { roles: missing.map((r) => r.name) } });
    return missing.map((role) => role.name);
  });
}

/** Loads the demo network into an empty database; does nothing when any user exists. Returns whether it loaded. */
export async function seedDemoData(dataSource: DataSource, audit: AuditTrail): Promise<boolean> {
  if ((await dataSource.getRepository(User).count()) > 0) return false;
  const hashes = await Promise.all(demoUsers.map(() => hashPassword(demoPassword)));
  return dataSource.transaction(async (manager) => {
    if ((await manager.count(User)) > 0) return false; // another server process got here first
    await manager.insert(Dealer, structuredClone(demoDealers));
    await manager.insert(User, demoUsers.map((user, i) => ({ ...structuredClone(user), id: randomUUID(), passwordHash: hashes[i], createdAt: new Date() })));
    await manager.insert(WarrantyTerms, structuredClone(demoWarrantyTerms));
    await manager.insert(Vehicle, structuredClone(demoVehicles));
    await manager.insert(ServiceCampaign, structuredClone(demoCampaigns));
    await manager.insert(StockVehicle, structuredClone(demoStock));
    await manager.insert(TenderProduct, structuredClone(demoTenderProducts));
    await manager.insert(LedgerEntry, demoLedger.map((entry) => ({ ...entry, bookedAt: new Date(entry.bookedAt) })));
    await seedLeadNetwork(manager);
    await seedDemoPlans(manager);
    await audit.append(manager, { actor: 'system', action: 'demo.seed', subjectType: 'Dealer', subjectId: '*', payload: { dealers: demoDealers.length, users: demoUsers.length, vehicles: demoVehicles.length } });
    return true;
  });
}
