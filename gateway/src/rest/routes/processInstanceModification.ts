import type { ActivateInstruction } from '@dealerflow/engine';
import { keyedCommand } from '../keyedCommand';
import { badRequest } from '../Problem';
import { keyParam, requiredString, variablesOf } from '../requestValues';
import type { RestRoute } from '../RestRoute';

function list(value: unknown, name: string): Array<Record<string, unknown>> {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw badRequest(`The value for ${name} must be an array`);
  return value.map((v) => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {}));
}

function activation(a: Record<string, unknown>): ActivateInstruction {
  const out: ActivateInstruction = {
    elementId: requiredString(a.elementId, 'activateInstructions[].elementId'),
    variables: list(a.variableInstructions, 'variableInstructions').map((v) => ({ scopeId: typeof v.scopeId === 'string' ? v.scopeId : '', variables: variablesOf(v.variables, 'variableInstructions[].variables') })),
  };
  if (a.ancestorElementInstanceKey !== undefined && a.ancestorElementInstanceKey !== null) out.ancestorElementInstanceKey = String(a.ancestorElementInstanceKey);
  return out;
}

/** POST /v2/process-instances/{key}/modification: ModifyProcessInstance over REST (activate, then terminate). */
export const processInstanceModificationRoutes: RestRoute[] = [
  {
    ...keyedCommand({
      method: 'post', path: '/process-instances/:key/modification', keyName: 'processInstanceKey', intent: 'MODIFY',
      reasons: (key) => ({
        NOT_FOUND: (e) => (e.message.startsWith('Expected') ? e.message : `Expected to modify process instance but no process instance found with key '${key}'`),
        INVALID_ARGUMENT: (e) => e.message,
      }),
      run(engine, key, body) {
        const activate = list(body.activateInstructions, 'activateInstructions').map(activation);
        const terminate = list(body.terminateInstructions, 'terminateInstructions').map((t) => keyParam(t.elementInstanceKey, 'terminateInstructions[].elementInstanceKey'));
        return engine.modifyInstance(key, { activate, terminate });
      },
    }),
    backPressured: true,
  },
];
