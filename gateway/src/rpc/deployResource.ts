import { InvalidModelError, type Resource } from '@dealerflow/engine';
import { invalidArgument, rejection } from './GatewayError';
import { unsupportedResources } from './resourceTypes';
import type { UnaryRpc } from './Rpc';
import { checkTenant, DEFAULT_TENANT } from './values';

interface DeployResourceRequest {
  resources: Array<{ name: string; content: Buffer }>;
  tenantId: string;
}

function resourceProblems(error: InvalidModelError): string {
  const byResource = new Map<string, string[]>();
  for (const p of error.problems) {
    const lines = byResource.get(p.resourceName ?? '') ?? [];
    lines.push(p.elementId ? `- Element: ${p.elementId}\n    - ERROR: ${p.message}` : `- ERROR: ${p.message}`);
    byResource.set(p.resourceName ?? '', lines);
  }
  return [...byResource].map(([name, lines]) => (name ? `'${name}': ${lines.join('\n')}` : lines.join('\n'))).join('\n');
}

/** Deploys BPMN, DMN and form resources in one deployment; any problem deploys nothing and names the element. */
export const deployResource: UnaryRpc<DeployResourceRequest> = {
  kind: 'unary',
  async handle(request, { engine }) {
    checkTenant('DeployResource', [request.tenantId]);
    if (request.resources.length === 0) throw invalidArgument("Expected argument 'resources' to be non-empty, but was empty");
    const unsupported = unsupportedResources(request.resources.map((r) => r.name));
    if (unsupported.length > 0) throw rejection('CREATE', 'INVALID_ARGUMENT', `Expected to deploy new resources, but encountered the following errors:\n${unsupported.join('\n')}`);
    const resources: Resource[] = request.resources.map((r) => ({ name: r.name, content: Buffer.from(r.content).toString('utf8') }));
    let deployment;
    try {
      deployment = await engine.deploy(resources);
    } catch (error) {
      if (error instanceof InvalidModelError) throw rejection('CREATE', 'INVALID_ARGUMENT', `Expected to deploy new resources, but encountered the following errors:\n${resourceProblems(error)}`);
      throw error;
    }
    const tenantId = DEFAULT_TENANT;
    const processes = deployment.processes.map((p) => ({ process: { bpmnProcessId: p.bpmnProcessId, version: p.version, processDefinitionKey: p.processDefinitionKey, resourceName: p.resourceName, tenantId } }));
    const decisions = (deployment.decisions ?? []).map((d) => ({
      decision: { dmnDecisionId: d.decisionId, dmnDecisionName: d.decisionId, version: d.version, decisionKey: d.decisionKey, dmnDecisionRequirementsId: d.decisionId, decisionRequirementsKey: d.decisionKey, tenantId },
    }));
    const forms = (deployment.forms ?? []).map((f) => ({ form: { formId: f.formId, version: f.version, formKey: f.formKey, resourceName: f.resourceName, tenantId } }));
    return { key: deployment.key, deployments: [...processes, ...decisions, ...forms], tenantId };
  },
};
