import type { ServableEngine } from '@dealerflow/engine';
import { command, type Reasons } from '../rpc/command';
import { bodyOf, keyParam } from './requestValues';
import type { RestRoute } from './RestRoute';

/** A command on one keyed resource: its path, the key's name, the intent and wording of its rejections, and the engine call. */
export interface KeyedCommand {
  method: RestRoute['method'];
  /** A path with a `:key` parameter. */
  path: string;
  /** The key's name in messages (jobKey, userTaskKey). */
  keyName: string;
  /** The intent named in rejections (COMPLETE, FAIL). */
  intent: string;
  /** How the engine's rejections are worded for this key. */
  reasons(key: string): Reasons;
  /** Reads the body and calls the engine; a refused body throws before the engine is called. */
  run(engine: ServableEngine, key: string, body: Record<string, unknown>): Promise<unknown>;
}

/** A route that parses the key and body, runs one engine command with its rejections worded, and answers 204. */
export function keyedCommand(spec: KeyedCommand): RestRoute {
  return {
    method: spec.method,
    path: spec.path,
    async handle(ctx, { engine }) {
      const key = keyParam(ctx.params.key, spec.keyName);
      const body = bodyOf(ctx.request.body);
      await command(spec.intent, spec.reasons(key), () => spec.run(engine, key, body));
      ctx.status = 204;
    },
  };
}
