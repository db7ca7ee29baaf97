import type { DecisionDiff, DecisionDocument } from '@dealerflow/contract';
import { parseDmn, type Resource } from '@dealerflow/engine';
import type { DataSource } from 'typeorm';
import type { CurrentUser } from '../auth/CurrentUser';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors/AppError';
import { DecisionDefinition } from './DecisionDefinition';
import { diffDecision } from './diffDecisions';

/** A 403 unless `user` may see deployments. */
function mayRead(user: CurrentUser): void {
  if (user.ability.cannot('read', 'Deployment')) throw new ForbiddenError('Only process admins see decision versions');
}

/** The deployed versions of decisions, and what a DMN file about to be deployed changes against them. Process admins only. */
export class DecisionVersions {
  constructor(private readonly dataSource: DataSource) {}

  /** One deployed version with its DMN; a 404 when there is none (or it was deployed before documents were kept). */
  async get(user: CurrentUser, decisionId: string, version: number): Promise<DecisionDocument> {
    mayRead(user);
    const row = await this.dataSource.getRepository(DecisionDefinition).findOneBy({ decisionId, version });
    if (!row) throw new NotFoundError('Decision version', `${decisionId}:${version}`);
    return { decisionId, version, key: row.key, resourceName: row.resourceName, deployedAt: row.deployedAt.toISOString(), deployedBy: row.deployedBy, xml: row.resourceXml };
  }

  /** For each decision of `resource`, what it changes against its latest deployed version (a first version when none is kept). 400 when the file cannot be read. */
  async review(user: CurrentUser, resource: Resource): Promise<{ decisions: DecisionDiff[] }> {
    mayRead(user);
    const { decisions, problems } = await parseDmn(resource.name, resource.content);
    if (problems.length) throw new ValidationError(`${resource.name} cannot be read as DMN`, problems.map((p) => ({ field: p.elementId ?? 'content', message: p.message })));
    const repository = this.dataSource.getRepository(DecisionDefinition);
    const parsed = new Map<string, Awaited<ReturnType<typeof parseDmn>>>();
    const result: DecisionDiff[] = [];
    for (const decision of decisions) {
      const latest = await repository.findOne({ where: { decisionId: decision.decisionId }, order: { version: 'DESC' } });
      if (!latest) {
        result.push(diffDecision(decision, null, null));
        continue;
      }
      const cached = parsed.get(latest.key) ?? (await parseDmn(latest.resourceName, latest.resourceXml));
      parsed.set(latest.key, cached);
      const before = cached.decisions.find((d) => d.decisionId === decision.decisionId) ?? null;
      result.push(diffDecision(decision, before, latest.version));
    }
    return { decisions: result };
  }
}
