import type { ActivateInstruction } from '@dealerflow/engine';
import { command } from './command';
import { invalidArgument } from './GatewayError';
import type { UnaryRpc } from './Rpc';
import { parseKey, parseVariables } from './values';

interface ModifyProcessInstanceRequest {
  processInstanceKey: string;
  activateInstructions?: Array<{ elementId?: string; ancestorElementInstanceKey?: string; variableInstructions?: Array<{ variables?: string; scopeId?: string }> }>;
  terminateInstructions?: Array<{ elementInstanceKey?: string }>;
}

function activation(a: NonNullable<ModifyProcessInstanceRequest['activateInstructions']>[number]): ActivateInstruction {
  if (!a.elementId) throw invalidArgument("Expected argument 'activateInstructions[].elementId' to be a non-empty element id, but was ''");
  const out: ActivateInstruction = {
    elementId: a.elementId,
    variables: (a.variableInstructions ?? []).map((v) => ({ scopeId: v.scopeId ?? '', variables: parseVariables(v.variables, 'variableInstructions.variables') })),
  };
  if (a.ancestorElementInstanceKey !== undefined) out.ancestorElementInstanceKey = String(a.ancestorElementInstanceKey);
  return out;
}

/**
 * Moves a running instance: activates elements (with scoped variables), then terminates
 * element instances. This is how a case goes back to an earlier step.
 */
export const modifyProcessInstance: UnaryRpc<ModifyProcessInstanceRequest> = {
  kind: 'unary',
  async handle(request, { engine }) {
    const key = parseKey(request.processInstanceKey, 'processInstanceKey');
    const activate = (request.activateInstructions ?? []).map(activation);
    const terminate = (request.terminateInstructions ?? []).map((t) => parseKey(t.elementInstanceKey, 'terminateInstructions.elementInstanceKey'));
    await command('MODIFY', {
      NOT_FOUND: (e) => (e.message.startsWith('Expected') ? e.message : `Expected to modify process instance but no process instance found with key '${key}'`),
      INVALID_ARGUMENT: (e) => e.message,
    },
      () => engine.modifyInstance(key, { activate, terminate }));
    return {};
  },
};
