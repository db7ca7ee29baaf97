import type { Resource } from '@dealerflow/engine';
import { diffDefinitions, readDefinitions, type DefinitionsDiff } from '@dealerflow/designer/lint/node';
import type { DataSource } from 'typeorm';
import type { CurrentUser } from '../auth/CurrentUser';
import { assertDesigner } from '../designer/designerAccess';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors/AppError';
import type { DeploymentResult, DeploymentService } from './DeploymentService';
import { diffForms, type FormsDiff } from './diffForms';
import { ProcessDefinition } from './ProcessDefinition';

/** A deployed version as the versions list shows it. */
export interface VersionSummary {
  version: number;
  key: string;
  name: string;
  resourceName: string;
  deployedAt: string;
  deployedBy: string;
  /** SHA-256 of the deployed BPMN, hex; null when the version predates keeping it. */
  checksum: string | null;
}

/** A deployed process as the designer's open list shows it: its latest version and how many there are. */
export interface DeployedProcessSummary {
  processId: string;
  name: string;
  latestVersion: number;
  versions: number;
  deployedAt: string;
  deployedBy: string;
}

/** A version with its BPMN and the forms it linked when deployed. */
export interface VersionDocument extends VersionSummary {
  xml: string;
  forms: object[];
}

/** A version compared with another one (`against` null: with nothing, so everything is added). */
export interface VersionDiff {
  version: number;
  against: number | null;
  diff: DefinitionsDiff;
  /** How the forms it links changed: a running case keeps its version's forms. */
  forms: FormsDiff;
}

const EMPTY_DEFINITIONS = '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="empty" targetNamespace="http://dealerflow.example/bpmn" />';

function summaryOf(row: ProcessDefinition): VersionSummary {
  return { version: row.version, key: row.key, name: row.name, resourceName: row.resourceName, deployedAt: row.deployedAt.toISOString(), deployedBy: row.deployedBy, checksum: row.checksum };
}

/** A 403 unless `user` may read (or, with `create`, deploy) processes. */
function mayUse(user: CurrentUser, action: 'read' | 'create'): void {
  if (user.ability.cannot(action, 'Deployment')) throw new ForbiddenError('Only process admins see process versions');
}

/** A version number from the path or query; a 400 unless it is a positive integer. */
function versionNumber(value: unknown, field: string): number {
  if (typeof value !== 'string' || !/^[1-9]\d{0,8}$/.test(value)) throw new ValidationError(`${field} must be a positive integer`, [{ field, message: 'must be a positive integer' }]);
  return Number(value);
}

/**
 * The versions of a deployed process: their list, their documents, their differences, and
 * rollback. Process admins only: the permission is checked before the version numbers, which
 * arrive as the path and query gave them.
 */
export class VersionService {
  /** Rollbacks under way, per process: one after the other, so a duplicate sees the first one's result. */
  private readonly rollbacks = new Map<string, Promise<unknown>>();

  constructor(private readonly dataSource: DataSource, private readonly deployments: DeploymentService) {}

  /** Every deployed process with its latest version, by name, for the designer (a 403 for others than process admins). */
  async processes(user: CurrentUser): Promise<DeployedProcessSummary[]> {
    assertDesigner(user, 'read');
    const rows = await this.dataSource.getRepository(ProcessDefinition).find({
      select: { key: true, bpmnProcessId: true, version: true, name: true, deployedAt: true, deployedBy: true },
      order: { bpmnProcessId: 'ASC', version: 'DESC' },
    });
    const latest = new Map<string, DeployedProcessSummary>();
    for (const row of rows) {
      const known = latest.get(row.bpmnProcessId);
      if (known) known.versions += 1;
      else latest.set(row.bpmnProcessId, { processId: row.bpmnProcessId, name: row.name, latestVersion: row.version, versions: 1, deployedAt: row.deployedAt.toISOString(), deployedBy: row.deployedBy });
    }
    return [...latest.values()].sort((a, b) => a.name.localeCompare(b.name) || a.processId.localeCompare(b.processId));
  }

  /** Every version of `processId`, newest first; a 404 when it was never deployed. */
  async list(user: CurrentUser, processId: string): Promise<VersionSummary[]> {
    mayUse(user, 'read');
    return this.summaries(processId);
  }

  /** One version with its BPMN; a 400 for a version that is not a positive integer, a 404 when it does not exist or its document was not kept. */
  async get(user: CurrentUser, processId: string, version: string): Promise<VersionDocument> {
    mayUse(user, 'read');
    return this.document(processId, versionNumber(version, 'version'));
  }

  /** What `version` changes against `against` (the query's), by default the version before it. */
  async diff(user: CurrentUser, processId: string, version: string, against: unknown): Promise<VersionDiff> {
    mayUse(user, 'read');
    const base = against === undefined ? undefined : versionNumber(against, 'against');
    return this.difference(processId, versionNumber(version, 'version'), base);
  }

  private async summaries(processId: string): Promise<VersionSummary[]> {
    const rows = await this.dataSource.getRepository(ProcessDefinition).find({
      where: { bpmnProcessId: processId },
      select: { key: true, bpmnProcessId: true, version: true, name: true, resourceName: true, deployedAt: true, deployedBy: true, checksum: true },
      order: { version: 'DESC' },
    });
    if (!rows.length) throw new NotFoundError('Process', processId);
    return rows.map(summaryOf);
  }

  private async document(processId: string, version: number): Promise<VersionDocument> {
    const row = await this.dataSource.getRepository(ProcessDefinition).findOneBy({ bpmnProcessId: processId, version });
    if (!row?.resourceXml) throw new NotFoundError('Version', `${processId}:${version}`);
    return { ...summaryOf(row), xml: row.resourceXml, forms: JSON.parse(row.forms ?? '[]') as object[] };
  }

  private async difference(processId: string, version: number, against?: number): Promise<VersionDiff> {
    const after = await this.document(processId, version);
    const base = against ?? (version > 1 ? version - 1 : null);
    const previous = base === null ? { xml: EMPTY_DEFINITIONS, forms: [] } : await this.document(processId, base);
    const [before, now] = await Promise.all([readDefinitions(previous.xml), readDefinitions(after.xml)]);
    return { version, against: base, diff: diffDefinitions(before.definitions, now.definitions), forms: diffForms(previous.forms, after.forms) };
  }

  /**
   * Deploys an older version's BPMN and forms again, as a new version; running instances keep theirs.
   * A 409 when the latest version already has that BPMN (so of two identical rollbacks, one wins).
   */
  async rollback(user: CurrentUser, processId: string, rawVersion: string): Promise<DeploymentResult> {
    mayUse(user, 'create');
    const version = versionNumber(rawVersion, 'version');
    const actor = user.username;
    const previous = this.rollbacks.get(processId) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(() => this.redeploy(actor, processId, version));
    this.rollbacks.set(processId, run);
    const forget = () => {
      if (this.rollbacks.get(processId) === run) this.rollbacks.delete(processId);
    };
    run.then(forget, forget);
    return run;
  }

  private async redeploy(actor: string, processId: string, version: number): Promise<DeploymentResult> {
    const old = await this.document(processId, version);
    const [latest] = await this.summaries(processId);
    if (latest.checksum === old.checksum) throw new ConflictError(`Version ${latest.version} of ${processId} already has the BPMN of version ${version}`, { latestVersion: latest.version });
    const forms: Resource[] = old.forms.map((form) => ({ name: `${(form as { id: string }).id}.form.json`, content: JSON.stringify(form) }));
    return this.deployments.deploy(actor, [{ name: old.resourceName, content: old.xml }, ...forms]);
  }
}
