import { subject } from '@casl/ability';
import type { DataSource } from 'typeorm';
import type { AuditTrail } from '../audit/AuditTrail';
import type { CurrentUser } from '../auth/CurrentUser';
import { Dealer } from '../entities/Dealer';
import { ForbiddenError, NotFoundError } from '../errors/AppError';
import { replaceTerritories } from '../leads/territoryCodes';
import { accessibleBy } from '../permissions/accessibleBy';
import { permittedView } from '../permissions/permittedView';
import { renameDealerOnTasks } from '../tasks/taskDealerNames';

/** The fields of a dealer that can be changed through the API. */
export type DealerPatch = Partial<Pick<Dealer, 'name' | 'region' | 'territoryCodes' | 'rating' | 'creditLimit'>>;

/** Reads and changes dealers as the user's permissions allow, field by field. */
export class DealerService {
  constructor(private readonly dataSource: DataSource, private readonly audit: AuditTrail) {}

  /** The dealers the user may read, each masked to the fields they may read. */
  async list(user: CurrentUser): Promise<Partial<Dealer>[]> {
    const query = accessibleBy(this.dataSource.getRepository(Dealer).createQueryBuilder('d'), user.ability, 'read', 'Dealer').orderBy('d.id');
    const dealers = await query.getMany();
    return dealers.map((dealer) => permittedView(user.ability, 'read', 'Dealer', dealer)).filter((view) => view !== null);
  }

  /** One dealer, masked; 404 when it does not exist or the user may not see it. */
  async get(user: CurrentUser, id: string): Promise<Partial<Dealer>> {
    const dealer = await this.dataSource.getRepository(Dealer).findOneBy({ id });
    const view = dealer && permittedView(user.ability, 'read', 'Dealer', dealer);
    if (!view) throw new NotFoundError('Dealer', id);
    return view;
  }

  /** Changes the given fields if the user may update each of them; audited, territories given to lead routing and a new name to the dealer's open tasks, in the same transaction. */
  async update(user: CurrentUser, id: string, patch: DealerPatch): Promise<Partial<Dealer>> {
    await this.dataSource.transaction(async (manager) => {
      const dealer = await manager.findOneBy(Dealer, { id });
      if (!dealer || !user.ability.can('read', subject('Dealer', { ...dealer }))) throw new NotFoundError('Dealer', id);
      const refused = Object.keys(patch).filter((field) => user.ability.cannot('update', subject('Dealer', { ...dealer }), field));
      if (refused.length) throw new ForbiddenError(`You may not change ${refused.join(', ')} of dealer ${id}`);
      const before = Object.fromEntries(Object.keys(patch).map((field) => [field, dealer[field as keyof Dealer]]));
      await manager.update(Dealer, { id }, patch);
      // lead routing reads territories from their own indexed table
      if (patch.territoryCodes) await replaceTerritories(manager, id, patch.territoryCodes);
      if (patch.name !== undefined && patch.name !== dealer.name) await renameDealerOnTasks(manager, id, patch.name);
      await this.audit.append(manager, { actor: user.username, action: 'dealer.update', subjectType: 'Dealer', subjectId: id, payload: { before, after: patch } });
    });
    return this.get(user, id);
  }
}
