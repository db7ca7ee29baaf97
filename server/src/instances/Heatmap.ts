import type { DataSource } from 'typeorm';
import type { CurrentUser } from '../auth/CurrentUser';
import { ForbiddenError, NotFoundError } from '../errors/AppError';
import { ProcessDefinition } from '../processes/ProcessDefinition';
import { ElementStatistic } from './ElementStatistic';

/** One element's traffic: activations, completions and the average time a token stayed. */
export interface ElementHeat {
  elementId: string;
  entered: number;
  completed: number;
  /** Over completed visits; null when none completed yet. */
  avgDurationMs: number | null;
}

/** A process version's heatmap. */
export interface ProcessHeatmap {
  bpmnProcessId: string;
  version: number;
  /** Every deployed version, newest first, to switch between. */
  versions: number[];
  elements: ElementHeat[];
}

/**
 * Per-element counts and durations of a process version. The numbers add up every dealer's
 * cases, so only users who may monitor all instances (no conditions on the rule) get them.
 */
export class Heatmap {
  constructor(private readonly dataSource: DataSource) {}

  /** The heatmap of `version` (the latest when omitted); 404 for an unknown process or version. */
  async of(user: CurrentUser, bpmnProcessId: string, version?: number): Promise<ProcessHeatmap> {
    const rules = user.ability.rulesFor('monitor', 'ProcessInstance');
    if (user.ability.cannot('monitor', 'ProcessInstance') || rules.some((rule) => rule.conditions)) {
      throw new ForbiddenError('You may not see statistics across every dealer');
    }
    const versions = (await this.dataSource.getRepository(ProcessDefinition).find({ where: { bpmnProcessId }, select: { version: true }, order: { version: 'DESC' } })).map((d) => d.version);
    const chosen = version ?? versions[0];
    if (chosen === undefined || !versions.includes(chosen)) throw new NotFoundError('Process version', `${bpmnProcessId}:${version ?? 'latest'}`);
    const rows = await this.dataSource.getRepository(ElementStatistic).find({ where: { bpmnProcessId, version: chosen }, order: { elementId: 'ASC' } });
    return {
      bpmnProcessId,
      version: chosen,
      versions,
      elements: rows.map((row) => ({ elementId: row.elementId, entered: row.entered, completed: row.completed, avgDurationMs: row.completed > 0 ? Math.round(row.totalDurationMs / row.completed) : null })),
    };
  }
}
