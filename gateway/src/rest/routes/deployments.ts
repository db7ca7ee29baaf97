import { Readable } from 'node:stream';
import type { DecisionDefinitionId, DecisionDefinitionKey, DecisionRequirementsKey, DeploymentMetadataResult, DeploymentResult, FormId, FormKey } from '@camunda8/orchestration-cluster-api';
import { InvalidModelError, type Resource } from '@dealerflow/engine';
import type { RouterContext } from '@koa/router';
import { unsupportedResources } from '../../rpc/resourceTypes';
import { badRequest } from '../Problem';
import type { RestRoute } from '../RestRoute';
import { asKey, DEFAULT_TENANT } from '../responseValues';

/** The multipart parts of a request: its `resources` files and its `tenantId`. */
async function multipart(ctx: RouterContext): Promise<{ resources: Resource[]; tenantId?: string }> {
  if (!ctx.is('multipart/form-data')) throw badRequest('Expected a multipart/form-data request with one or more resources');
  // the platform's fetch Request parses multipart bodies, so no parser is added for one endpoint
  const request = new Request('http://gateway/', {
    method: 'POST',
    headers: { 'content-type': ctx.get('content-type') },
    body: Readable.toWeb(ctx.req) as unknown as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  let form: FormData;
  try {
    form = await request.formData();
  } catch (error) {
    throw badRequest(`The multipart body could not be read: ${(error as Error).message}`);
  }
  const resources: Resource[] = [];
  for (const part of form.getAll('resources')) {
    if (typeof part === 'string') throw badRequest("Each 'resources' part must be a file with a name");
    resources.push({ name: part.name, content: await part.text() });
  }
  const tenant = form.get('tenantId');
  return { resources, ...(typeof tenant === 'string' && tenant !== '' ? { tenantId: tenant } : {}) };
}

function problems(error: InvalidModelError): string {
  return error.problems.map((p) => `'${p.resourceName ?? ''}': ${p.elementId ? `- Element: ${p.elementId} - ERROR: ` : '- ERROR: '}${p.message}`).join('\n');
}

/** POST /v2/deployments: BPMN, DMN and form resources in one all-or-nothing deployment. */
export const deploymentRoutes: RestRoute[] = [{
  method: 'post',
  path: '/deployments',
  backPressured: true,
  async handle(ctx, { engine }) {
    const { resources, tenantId } = await multipart(ctx);
    if (tenantId !== undefined && tenantId !== DEFAULT_TENANT) throw badRequest(`Expected to handle request with tenant identifier '${tenantId}', but multi-tenancy is disabled`);
    if (resources.length === 0) throw badRequest('No resources provided');
    const unsupported = unsupportedResources(resources.map((r) => r.name));
    if (unsupported.length > 0) throw badRequest(`Expected to deploy new resources, but encountered the following errors:\n${unsupported.join('\n')}`);
    let deployment;
    try {
      deployment = await engine.deploy(resources);
    } catch (error) {
      if (error instanceof InvalidModelError) throw badRequest(`Expected to deploy new resources, but encountered the following errors:\n${problems(error)}`);
      throw error;
    }
    const tenant = asKey<DeploymentResult['tenantId']>(DEFAULT_TENANT);
    const processes: DeploymentMetadataResult[] = deployment.processes.map((p) => ({
      processDefinition: { processDefinitionId: asKey(p.bpmnProcessId), processDefinitionVersion: p.version, resourceName: p.resourceName, tenantId: tenant, processDefinitionKey: asKey(p.processDefinitionKey) },
    }));
    const decisions: DeploymentMetadataResult[] = (deployment.decisions ?? []).map((d) => ({
      decisionDefinition: { decisionDefinitionId: asKey<DecisionDefinitionId>(d.decisionId), version: d.version, name: d.decisionId, tenantId: tenant, decisionRequirementsId: d.decisionId, decisionDefinitionKey: asKey<DecisionDefinitionKey>(d.decisionKey), decisionRequirementsKey: asKey<DecisionRequirementsKey>(d.decisionKey) },
    }));
    const forms: DeploymentMetadataResult[] = (deployment.forms ?? []).map((f) => ({
      form: { formId: asKey<FormId>(f.formId), version: f.version, resourceName: f.resourceName, tenantId: tenant, formKey: asKey<FormKey>(f.formKey) },
    }));
    const body: DeploymentResult = { tenantId: tenant, deploymentKey: asKey(deployment.key), deployments: [...processes, ...decisions, ...forms] };
    ctx.body = body;
  },
}];
