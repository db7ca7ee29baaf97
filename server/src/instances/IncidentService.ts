import { subject } from '@casl/ability';
import { NotFoundError as EngineNotFound, type IncidentType, type ProcessEngine } from '@dealerflow/engine';
import { IsNull, LessThan, type DataSource } from 'typeorm';
import type { CurrentUser } from '../auth/CurrentUser';
import { actingAs } from '../engine/actorContext';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors/AppError';
import type { ProcessService } from '../processes/ProcessService';
import { IncidentRecord } from './IncidentRecord';
import { InstanceProjection } from './InstanceProjection';

/** A retry claim older than this is taken to have died with its server. */
const STALE_CLAIM_MS = 60_000;

/** Retrying incidents: give the job retries again and resolve the incident, exactly once. */
export class IncidentService {
  constructor(private readonly dataSource: DataSource, private readonly engine: ProcessEngine, private readonly processes: ProcessService) {}

  /**
   * Retries an open incident. 404 when the user may not see its instance, 403 when they may
   * not manage it, 409 when it is resolved already or another retry of it is under way.
   */
  async retry(user: CurrentUser, incidentKey: string, retries: number): Promise<void> {
    const repository = this.dataSource.getRepository(IncidentRecord);
    const incident = await repository.findOneBy({ key: incidentKey });
    if (!incident) throw new NotFoundError('Incident', incidentKey);
    const facts = await this.processes.assertReadable(user, incident.processInstanceKey).catch((error: unknown) => {
      throw error instanceof NotFoundError ? new NotFoundError('Incident', incidentKey) : error;
    });
    if (user.ability.cannot('manage', subject('ProcessInstance', facts))) {
      throw new ForbiddenError('You may not retry incidents');
    }
    if (incident.resolvedAt) throw new ConflictError(`Incident ${incidentKey} is already resolved`, { resolvedAt: incident.resolvedAt });
    // The claim is the one place two concurrent retries meet: one row update wins.
    const now = new Date();
    const claim = await repository.createQueryBuilder().update()
      .set({ retryClaimedAt: now })
      .where([{ key: incidentKey, resolvedAt: IsNull(), retryClaimedAt: IsNull() }, { key: incidentKey, resolvedAt: IsNull(), retryClaimedAt: LessThan(new Date(now.getTime() - STALE_CLAIM_MS)) }])
      .execute();
    if ((claim.affected ?? 0) === 0) throw new ConflictError(`Incident ${incidentKey} is being retried or was resolved`);
    try {
      await actingAs({ username: user.username }, async () => {
        if (incident.jobKey) await this.engine.updateJobRetries(incident.jobKey, retries);
        await this.engine.resolveIncident(incidentKey);
      });
    } catch (error) {
      await repository.update({ key: incidentKey, retryClaimedAt: now }, { retryClaimedAt: null });
      if (!(error instanceof EngineNotFound)) throw error;
      // the engine has no such open incident: stop listing it as open, so the list and the retry agree
      if (!(await this.engineStillHas(incident))) await new InstanceProjection().incidentResolved(this.dataSource.manager, { key: incident.key, processInstanceKey: incident.processInstanceKey, elementId: incident.elementId, type: incident.type as IncidentType, message: incident.message, createdAt: incident.createdAt.getTime() });
      throw new ConflictError(`Incident ${incidentKey} is no longer open`);
    }
  }

  private async engineStillHas(incident: IncidentRecord): Promise<boolean> {
    const details = await this.engine.getInstance(incident.processInstanceKey).catch(() => undefined);
    return details?.state === 'ACTIVE' && details.incidents.some((i) => i.key === incident.key);
  }
}
