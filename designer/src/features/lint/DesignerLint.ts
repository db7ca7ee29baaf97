import type EventBus from 'diagram-js/lib/core/EventBus';
import type { ModdleElement } from 'bpmn-moddle';
import { lintDefinitions, type LintIssue, type LintOptions } from '../../lint';
import type { LintOverlays } from './LintOverlays';

/** The `lint` section of the modeler's configuration. */
export interface LintConfig extends LintOptions {
  /** How long the diagram must stay unchanged before it is linted again. */
  debounceMs?: number;
}

/** The event fired with the new issues after every lint run. */
export const LINT_CHANGED = 'lint.changed';

/** Lints the diagram after import and, debounced, after every change; keeps the latest issues. */
export class DesignerLint {
  static $inject = ['config.lint', 'eventBus', 'bpmnjs', 'lintOverlays'];

  private issues: LintIssue[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private run = 0;
  private readonly options: LintOptions;
  private readonly debounceMs: number;

  constructor(
    config: LintConfig | undefined,
    private readonly eventBus: EventBus,
    private readonly bpmnjs: { getDefinitions(): ModdleElement | undefined },
    private readonly lintOverlays: LintOverlays,
  ) {
    this.options = { pluginTypes: config?.pluginTypes };
    this.debounceMs = config?.debounceMs ?? 300;
    eventBus.on('import.done', () => void this.lint());
    eventBus.on('commandStack.changed', () => this.schedule());
    eventBus.on('diagram.destroy', () => clearTimeout(this.timer));
  }

  /** The issues of the latest lint run, errors first. */
  getIssues(): LintIssue[] {
    return this.issues;
  }

  /** Lints now (cancelling a pending run) and answers the issues. */
  async lint(): Promise<LintIssue[]> {
    clearTimeout(this.timer);
    const run = ++this.run;
    const definitions = this.bpmnjs.getDefinitions();
    const issues = definitions ? await lintDefinitions(definitions, this.options) : [];
    // A newer run started while this one awaited: its answer wins.
    if (run !== this.run) return this.issues;
    this.issues = issues;
    this.lintOverlays.show(issues);
    this.eventBus.fire(LINT_CHANGED, { issues });
    return issues;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.lint(), this.debounceMs);
  }
}
