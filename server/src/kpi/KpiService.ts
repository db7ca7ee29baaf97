import { subject } from '@casl/ability';
import type { KpiCell, KpiReport } from '@dealerflow/contract';
import { In, type DataSource } from 'typeorm';
import type { AuditTrail } from '../audit/AuditTrail';
import type { CurrentUser } from '../auth/CurrentUser';
import { isUniqueViolation } from '../db/uniqueViolation';
import { Dealer } from '../entities/Dealer';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors/AppError';
import { accessibleBy } from '../permissions/accessibleBy';
import { DealerPlan } from './DealerPlan';
import { KpiFacts } from './KpiFacts';
import { kpiMeasureInfo, kpiMeasures, type KpiMeasure } from './kpiMeasures';
import { kpiValues } from './kpiValues';

/** The group whose approvers set dealer plans (besides process admins). */
export const PLAN_APPROVER_GROUP = 'sales';

/** A plan edit: `target` null removes the plan. */
export interface PlanEdit {
  dealerId: string;
  measure: KpiMeasure;
  target: number | null;
}

/** Dealer KPIs (plan vs. fact per month) and their plans; dealers see their own, the distributor all, filtered in SQL. */
export class KpiService {
  private readonly facts: KpiFacts;

  constructor(private readonly dataSource: DataSource, private readonly audit: AuditTrail) {
    this.facts = new KpiFacts(dataSource);
  }

  /** The month's plan and fact of every dealer the user may see, by name; one dealer when `dealerId` is given (404 if not visible). */
  async report(user: CurrentUser, { month, dealerId }: { month: string; dealerId?: string }): Promise<KpiReport> {
    if (user.ability.cannot('read', 'DealerKpi')) throw new ForbiddenError('You may not see dealer KPIs');
    const query = this.dataSource.getRepository(Dealer).createQueryBuilder('d').select(['d.id', 'd.name']).orderBy('d.name', 'ASC').addOrderBy('d.id', 'ASC');
    if (dealerId !== undefined) query.andWhere('d.id = :dealerId', { dealerId });
    const dealers = await accessibleBy(query, user.ability, 'read', 'DealerKpi').getMany();
    if (dealerId !== undefined && dealers.length === 0) throw new NotFoundError('Dealer', dealerId);
    const ids = dealers.map((d) => d.id);
    const facts = await this.facts.month(ids, month);
    const plans = ids.length === 0 ? [] : await this.dataSource.getRepository(DealerPlan).findBy({ month, dealerId: In(ids) });
    return {
      month,
      measures: kpiMeasures.map((id) => kpiMeasureInfo[id]),
      dealers: dealers.map((dealer) => {
        const dealerFacts = facts.get(dealer.id)!;
        const values = kpiValues(dealerFacts);
        const planOf = (measure: KpiMeasure) => plans.find((p) => p.dealerId === dealer.id && p.measure === measure)?.target ?? null;
        return {
          dealerId: dealer.id,
          dealerName: dealer.name,
          editable: this.maySetPlans(user, dealer.id),
          measures: Object.fromEntries(kpiMeasures.map((m) => [m, { plan: planOf(m), fact: values[m] }])) as Record<KpiMeasure, KpiCell>,
          basis: { responses: dealerFacts.responseSeconds.length, tendersDecided: dealerFacts.tendersDecided, claimsClosed: dealerFacts.claimsClosed },
        };
      }),
    };
  }

  /** Sets (or, with a null target, removes) plans of one month in one transaction with one audit entry; all or nothing. */
  async savePlans(user: CurrentUser, { month, plans }: { month: string; plans: PlanEdit[] }): Promise<{ month: string; saved: number }> {
    const ids = [...new Set(plans.map((p) => p.dealerId))];
    const known = new Set((await this.dataSource.getRepository(Dealer).findBy({ id: In(ids) })).map((d) => d.id));
    for (const id of ids) {
      if (!known.has(id) || user.ability.cannot('read', subject('DealerKpi', { id }))) throw new NotFoundError('Dealer', id);
      if (!this.maySetPlans(user, id)) throw new ForbiddenError('Only process admins and sales approvers set dealer plans');
    }
    const problems = plans.flatMap((plan, i) => {
      if (plans.findIndex((p) => p.dealerId === plan.dealerId && p.measure === plan.measure) !== i) return [{ field: `plans.${i}`, message: 'repeats an earlier plan of the same dealer and measure' }];
      if (plan.target !== null && kpiMeasureInfo[plan.measure].unit === 'ratio' && plan.target > 1) return [{ field: `plans.${i}.target`, message: 'is a share and must be between 0 and 1' }];
      if (plan.target !== null && kpiMeasureInfo[plan.measure].unit !== 'ratio' && !Number.isInteger(plan.target)) return [{ field: `plans.${i}.target`, message: 'must be a whole number' }];
      return [];
    });
    if (problems.length > 0) throw new ValidationError('Some plans are not valid', problems);
    const now = new Date();
    try {
      await this.dataSource.transaction(async (m) => {
        const changes = [];
        for (const plan of plans) {
          const key = { dealerId: plan.dealerId, month, measure: plan.measure };
          const before = await m.findOneBy(DealerPlan, key);
          if (plan.target === null) {
            if (before) await m.delete(DealerPlan, key);
          } else if (before) {
            await m.update(DealerPlan, key, { target: plan.target, updatedBy: user.username, updatedAt: now });
          } else {
            await m.insert(DealerPlan, { ...key, target: plan.target, updatedBy: user.username, updatedAt: now });
          }
          changes.push({ dealerId: plan.dealerId, measure: plan.measure, from: before?.target ?? null, to: plan.target });
        }
        await this.audit.append(m, { actor: user.username, action: 'kpi.plan.save', subjectType: 'DealerPlan', subjectId: month, payload: { month, changes } });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError('Someone else set these plans at the same moment; reload and try again', { month });
      throw error;
    }
    return { month, saved: plans.length };
  }

  private maySetPlans(user: CurrentUser, dealerId: string): boolean {
    return user.ability.can('update', subject('DealerPlan', { dealerId, approverGroup: PLAN_APPROVER_GROUP }));
  }
}
