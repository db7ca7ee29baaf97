import { BpmnError } from './BpmnError';
import type { Plugin, PluginContext } from './definePlugin';

/** How a job ends: exactly one of these, as the engine port's job handler expects. */
export type PluginOutcome =
  | { kind: 'complete'; variables: Record<string, unknown> }
  | { kind: 'bpmnError'; code: string; message: string; variables: Record<string, unknown> }
  | { kind: 'fail'; message: string; retries: number; retryBackOffMs: number };

/** Exponential back-off for technical failures: 1 s, 2 s, 4 s … capped at 5 minutes. */
export function backOffFor(attempt: number): number {
  return Math.min(1000 * 2 ** Math.max(0, attempt), 5 * 60_000);
}

/**
 * Runs a plugin on a job's variables and maps what happens to exactly one outcome:
 * bad input is a BPMN error `INVALID_INPUT` (retrying cannot fix the model's data), a
 * thrown BpmnError is a BPMN error, any other throw is a failure with one retry fewer.
 */
export async function runPlugin<I, O>(plugin: Plugin<I, O>, variables: unknown, ctx: PluginContext, attempt = 0): Promise<PluginOutcome> {
  const input = plugin.validateInput(variables);
  if (!input.ok) {
    return { kind: 'bpmnError', code: 'INVALID_INPUT', message: `${plugin.taskType}: invalid input`, variables: { errors: input.errors } };
  }
  try {
    const result = await plugin.run(input.value, ctx);
    const output = plugin.validateOutput(result);
    if (!output.ok) throw new Error(`${plugin.taskType} returned invalid output: ${output.errors.map((e) => `${e.field} ${e.message}`).join('; ')}`);
    return { kind: 'complete', variables: output.value as Record<string, unknown> };
  } catch (error) {
    if (error instanceof BpmnError) return { kind: 'bpmnError', code: error.code, message: error.message, variables: error.variables };
    const message = error instanceof Error ? error.message : String(error);
    ctx.log.warn({ taskType: plugin.taskType, jobKey: ctx.jobKey, err: message }, 'plugin failed; the job will be retried if retries are left');
    return { kind: 'fail', message, retries: Math.max(0, ctx.retries - 1), retryBackOffMs: backOffFor(attempt) };
  }
}
