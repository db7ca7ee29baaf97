import type { EngineError, InstanceRef, ServableEngine } from '@dealerflow/engine';
import { status } from '@grpc/grpc-js';
import { command } from './command';
import { GatewayError } from './GatewayError';
import type { UnaryRpc } from './Rpc';
import { checkTenant, DEFAULT_TENANT, parseLong, parseVariables, pick } from './values';

interface CreateProcessInstanceRequest {
  processDefinitionKey: string;
  bpmnProcessId: string;
  version: number;
  variables: string;
  startInstructions: Array<{ elementId: string }>;
  tenantId: string;
}

interface CreateWithResultRequest {
  request: CreateProcessInstanceRequest | null;
  requestTimeout: string;
  fetchVariables: string[];
}

/** Starts the instance a request names: by definition key, or by process id and version (latest when ≤ 0). */
function start(engine: ServableEngine, request: CreateProcessInstanceRequest): Promise<InstanceRef> {
  checkTenant('CreateProcessInstance', [request.tenantId]);
  const variables = parseVariables(request.variables);
  const byKey = request.processDefinitionKey && request.processDefinitionKey !== '0';
  if (!byKey && !request.bpmnProcessId) throw new GatewayError(status.INVALID_ARGUMENT, "Expected either 'processDefinitionKey' or 'bpmnProcessId' to be set, but neither was");
  const reason = byKey
    ? `Expected to find process definition with key '${request.processDefinitionKey}', but none found`
    : request.version > 0
      ? `Expected to find process definition with process ID '${request.bpmnProcessId}' and version '${request.version}', but none found`
      : `Expected to find process definition with process ID '${request.bpmnProcessId}', but none found`;
  const startElementIds = request.startInstructions.map((i) => i.elementId);
  const invalid = (error: EngineError) => {
    const details = error.details as { elementId?: string; reason?: string } | undefined;
    if (!details?.elementId) return 'Expected to create instance of process with none start event, but there is no such event';
    return `Expected to create instance of process with start instructions, but the element with id '${details.elementId}' cannot be started at: ${details.reason}`;
  };
  return command('CREATE', { NOT_FOUND: reason, INVALID_ARGUMENT: invalid }, async () => {
    const at = startElementIds.length > 0 ? { startElementIds } : {};
    if (byKey) {
      const def = await engine.processDefinition(request.processDefinitionKey);
      return engine.createInstance(def.bpmnProcessId, variables, { version: def.version, ...at });
    }
    return engine.createInstance(request.bpmnProcessId, variables, { ...(request.version > 0 ? { version: request.version } : {}), ...at });
  });
}

function describe(ref: InstanceRef) {
  return { processDefinitionKey: ref.processDefinitionKey, bpmnProcessId: ref.bpmnProcessId, version: ref.version, processInstanceKey: ref.processInstanceKey, tenantId: DEFAULT_TENANT };
}

/** Starts a process instance and answers at once. */
export const createProcessInstance: UnaryRpc<CreateProcessInstanceRequest> = {
  kind: 'unary',
  async handle(request, { engine, inFlight }) {
    return describe(await inFlight.run(() => start(engine, request)));
  },
};

/** Starts a process instance and answers when it completes, with its (fetched) variables; only the creation counts toward back-pressure. */
export const createProcessInstanceWithResult: UnaryRpc<CreateWithResultRequest> = {
  kind: 'unary',
  async handle(request, { engine, results, limits, closing, inFlight }) {
    if (!request.request) throw new GatewayError(status.INVALID_ARGUMENT, "Expected argument 'request' to be set");
    const timeout = parseLong(request.requestTimeout) > 0 ? parseLong(request.requestTimeout) : limits.requestTimeout;
    const inner = request.request;
    const { ref, outcome } = await results.createAndAwait(() => inFlight.run(() => start(engine, inner)), timeout, closing);
    if (outcome.state !== 'COMPLETED') {
      throw new GatewayError(status.ABORTED, `Command 'CREATE_WITH_AWAITING_RESULT' rejected with code 'PROCESS_INSTANCE_TERMINATED': process instance '${ref.processInstanceKey}' was terminated before it completed`);
    }
    return { ...describe(ref), variables: JSON.stringify(pick(outcome.variables, request.fetchVariables)) };
  },
};
