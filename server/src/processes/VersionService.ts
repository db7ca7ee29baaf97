import type { Resource } from '@dealerflow/engine';
import { diffDefinitions, readDefinitions, type DefinitionsDiff } from '@dealerflow/designer/lint/node';
import type { DataSource } from 'typeorm';
import { ConflictError, NotFoundError } from '../errors/AppError';
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

/** The versions of a deployed process: their list, their documents, their differences, and rollback. */
export class VersionService {
  /** Rollbacks under way, per process: one after the other, so a duplicate sees the first one's result. */
  private readonly rollbacks = new Map<string, Promise<unknown>>();

  constructor(private readonly dataSource: DataSource, private readonly deployments: DeploymentService) {}

  /** Every deployed process with its latest version, by name. */
  async processes(): Promise<DeployedProcessSummary[]> {
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
  async list(processId: string): Promise<VersionSummary[]> {
    const rows = await this.dataSource.getRepository(ProcessDefinition).find({
      where: { bpmnProcessId: processId },
      select: { key: true, bpmnProcessId: true, version: true, name: true, resourceName: true, deployedAt: true, deployedBy: true, checksum: true },
      order: { version: 'DESC' },
    });
    if (!rows.length) throw new NotFoundError('Process', processId);
    return rows.map(summaryOf);
  }

  /** One version with its BPMN; a 404 when it does not exist or its document was not kept. */
  async get(processId: string, version: number): Promise<VersionDocument> {
    const row = await this.dataSource.getRepository(ProcessDefinition).findOneBy({ bpmnProcessId: processId, version });
    if (!row?.resourceXml) throw new NotFoundError('Version', `${processId}:${version}`);
    return { ...summaryOf(row), xml: row.resourceXml, forms: JSON.parse(row.forms ?? '[]') as object[] };
  }

  /** What `version` changes against `against`, by default the version before it. */
  async diff(processId: string, version: number, against?: number): Promise<VersionDiff> {
    const after = await this.get(processId, version);
    const base = against ?? (version > 1 ? version - 1 : null);
    const previous = base === null ? { xml: EMPTY_DEFINITIONS, forms: [] } : await this.get(processId, base);
    const [before, now] = await Promise.all([readDefinitions(previous.xml), readDefinitions(after.xml)]);
    return { version, against: base, diff: diffDefinitions(before.definitions, now.definitions), forms: diffForms(previous.forms, after.forms) };
  }

  /**
   * Deploys an older version's BPMN and forms again, as a new version; running instances keep theirs.
   * A 409 when the latest version already has that BPMN (so of two identical rollbacks, one wins).
   */
  rollback(actor: string, processId: string, version: number): Promise<DeploymentResult> {
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
    const old = await this.get(processId, version);
    const [latest] = await this.list(processId);
    if (latest.checksum === old.checksum) throw new ConflictError(`Version ${latest.version} of ${processId} already has the BPMN of version ${version}`, { latestVersion: latest.version });
    const forms: Resource[] = old.forms.map((form) => ({ name: `${(form as { id: string }).id}.form.json`, content: JSON.stringify(form) }));
    return this.deployments.deploy(actor, [{ name: old.resourceName, content: old.xml }, ...forms]);
  }
}
