import { compileValidator, type FieldError } from '@dealerflow/forms';

/** A minimal structured logger; the server passes its pino child logger. */
export interface PluginLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

/** What a plugin sees of the job besides its input: never an engine-specific object. */
export interface PluginContext {
  log: PluginLogger;
  /** Aborted when the job's lock expires or the worker shuts down. */
  signal: AbortSignal;
  /** Static task headers from the model (`zeebe:taskHeaders`). */
  headers: Record<string, string>;
  /** Stable per job; use it as an idempotency key for side effects. */
  jobKey: string;
  processInstanceKey: string;
  /** Retries left, counting this attempt. */
  retries: number;
}

/** A plugin's declaration: its task type, JSON Schemas for input and output, and the work. */
export interface PluginDefinition<I, O> {
  /** The `zeebe:taskDefinition type` that service tasks use to call it. */
  taskType: string;
  /** Human name for element templates in the designer. */
  title: string;
  description: string;
  input: object;
  output: object;
  run(input: I, ctx: PluginContext): Promise<O>;
}

/** A plugin whose input is checked before `run` and whose output is checked after. */
export interface Plugin<I = unknown, O = unknown> extends PluginDefinition<I, O> {
  validateInput(value: unknown): { ok: true; value: I } | { ok: false; errors: FieldError[] };
  validateOutput(value: unknown): { ok: true; value: O } | { ok: false; errors: FieldError[] };
}

/** Declares a plugin; the schemas are compiled once here. */
export function definePlugin<I, O>(definition: PluginDefinition<I, O>): Plugin<I, O> {
  return { ...definition, validateInput: compileValidator<I>(definition.input), validateOutput: compileValidator<O>(definition.output) };
}
