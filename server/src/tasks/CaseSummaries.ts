import { NotFoundError as EngineNotFound, type ProcessEngine } from '@dealerflow/engine';
import type { CurrentUser } from '../auth/CurrentUser';
import type { FormCatalog } from '../processes/FormCatalog';
import type { Task } from './Task';

/** The case variables a list row shows beside a task (when the case has them and the user may see them). */
export const SUMMARY_VARIABLES = ['vin', 'claimAmount', 'customerName'] as const;

/** What the summary adds from the coverage check (shown when `coverage` is not hidden from the reader). */
const COVERAGE_FIELDS = ['covered', 'coverageKind'] as const;

/** A case in one line: the summary variables it has, minus those hidden from the reader. */
export type CaseSummary = Partial<Record<(typeof SUMMARY_VARIABLES)[number] | (typeof COVERAGE_FIELDS)[number], unknown>>;

/** The coverage check's verdict and kind (process variable `coverage`), as summary fields. */
export function coverageSummary(variables: Record<string, unknown>): { covered?: boolean; coverageKind?: string } {
  const coverage = variables.coverage;
  if (typeof coverage !== 'object' || coverage === null) return {};
  const { covered, coverage: kind } = coverage as { covered?: unknown; coverage?: unknown };
  return { ...(typeof covered === 'boolean' ? { covered } : {}), ...(typeof kind === 'string' ? { coverageKind: kind } : {}) };
}

/**
 * The few case variables list rows show, masked by the same field rules as the case page. They
 * come from the task rows, which copy them when the task is created; only rows from before that
 * copy existed ask the engine.
 */
export class CaseSummaries {
  constructor(private readonly engine: ProcessEngine, private readonly forms: FormCatalog) {}

  /** A summary per process instance of `tasks` (instances the engine no longer knows get an empty one). */
  async of(user: CurrentUser, tasks: Task[]): Promise<Map<string, CaseSummary>> {
    const hidden = await this.forms.hiddenVariables(user.ability);
    const shown: (keyof CaseSummary)[] = [...SUMMARY_VARIABLES.filter((name) => !hidden.has(name)), ...(hidden.has('coverage') ? [] : COVERAGE_FIELDS)];
    const byCase = new Map<string, Record<string, unknown> | null>();
    for (const task of tasks) if (!byCase.get(task.processInstanceKey)) byCase.set(task.processInstanceKey, task.caseSummary ?? null);
    const entries = await Promise.all([...byCase].map(async ([key, copied]) => {
      const variables: Record<string, unknown> = copied ?? (await this.variablesOf(key).then((all) => ({ ...all, ...coverageSummary(all) })));
      const summary: CaseSummary = {};
      for (const name of shown) if (variables[name] !== undefined && variables[name] !== null) summary[name] = variables[name];
      return [key, summary] as const;
    }));
    return new Map(entries);
  }

  private variablesOf(processInstanceKey: string): Promise<Record<string, unknown>> {
    return this.engine.getInstance(processInstanceKey).then((instance) => instance.variables, (error: unknown) => {
      if (error instanceof EngineNotFound) return {};
      throw error;
    });
  }
}
