import { NotFoundError as EngineNotFound, type ProcessEngine } from '@dealerflow/engine';
import type { CurrentUser } from '../auth/CurrentUser';
import type { FormCatalog } from '../processes/FormCatalog';
import type { Task } from './Task';

/** The case variables a list row shows beside a task (when the case has them and the user may see them). */
export const SUMMARY_VARIABLES = ['vin', 'claimAmount', 'customerName'] as const;

/** A case in one line: the summary variables it has, minus those hidden from the reader. */
export type CaseSummary = Partial<Record<(typeof SUMMARY_VARIABLES)[number], unknown>>;

/** Reads the few case variables list rows show, masked by the same field rules as the case page. */
export class CaseSummaries {
  constructor(private readonly engine: ProcessEngine, private readonly forms: FormCatalog) {}

  /** A summary per process instance of `tasks` (instances the engine no longer knows get an empty one). */
  async of(user: CurrentUser, tasks: Task[]): Promise<Map<string, CaseSummary>> {
    const hidden = await this.forms.hiddenVariables(user.ability);
    const shown = SUMMARY_VARIABLES.filter((name) => !hidden.has(name));
    const keys = [...new Set(tasks.map((task) => task.processInstanceKey))];
    const entries = await Promise.all(keys.map(async (key) => {
      const variables: Record<string, unknown> = await this.engine.getInstance(key).then((instance) => instance.variables, (error: unknown) => {
        if (error instanceof EngineNotFound) return {};
        throw error;
      });
      const summary: CaseSummary = {};
      for (const name of shown) if (variables[name] !== undefined && variables[name] !== null) summary[name] = variables[name];
      return [key, summary] as const;
    }));
    return new Map(entries);
  }
}
