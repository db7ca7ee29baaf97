import type { DeploymentResult } from '@dealerflow/contract';
import { InvalidModelError, type ProcessEngine, type Resource } from '@dealerflow/engine';
import { compileValidator } from '@dealerflow/forms';
import { createHash } from 'node:crypto';
import { In, type DataSource } from 'typeorm';
import type { AuditTrail } from '../audit/AuditTrail';
import type { CurrentUser } from '../auth/CurrentUser';
import { AppError, ForbiddenError, ValidationError } from '../errors/AppError';
import { describeBpmnOffThread, lintBpmn } from './bpmnChecks';
import { DecisionDefinition } from './DecisionDefinition';
import { assertDecisionsDecide } from './dmnChecks';
import type { FormReference } from './describeBpmn';
import { FormRecord } from './FormRecord';
import { ProcessDefinition } from './ProcessDefinition';

/** What a deployment produced (one entry per process and decision version, and the forms stored), as the API contract defines it. */
export type { DeploymentResult } from '@dealerflow/contract';

interface ParsedForm {
  id: string;
  schema: object;
}

function parseForm(resource: Resource): ParsedForm {
  let form: Partial<ParsedForm>;
  try {
    form = JSON.parse(resource.content) as Partial<ParsedForm>;
  } catch {
    throw new ValidationError(`${resource.name} is not valid JSON`, [{ field: resource.name, message: 'is not valid JSON' }]);
  }
  if (typeof form.id !== 'string' || !/^[\w.-]{1,128}$/.test(form.id) || typeof form.schema !== 'object' || form.schema === null) {
    throw new ValidationError(`${resource.name} is not a form definition`, [{ field: resource.name, message: 'needs an "id" and a JSON Schema in "schema"' }]);
  }
  try {
    compileValidator(form.schema);
  } catch (error) {
    throw new ValidationError(`${resource.name} has an invalid schema`, [{ field: resource.name, message: (error as Error).message }]);
  }
  return form as ParsedForm;
}

/** Deploys BPMN to the engine and forms to our catalog; rejects the whole upload on any problem. */
export class DeploymentService {
  /** `pluginTypes`: the job types our workers serve; a task of another type waits for a customer's own worker. */
  constructor(private readonly dataSource: DataSource, private readonly engine: ProcessEngine, private readonly audit: AuditTrail, private readonly pluginTypes: string[]) {}

  /** Deploys for a signed-in user: a 403 unless they may deploy processes. */
  async deployAs(user: CurrentUser, resources: Resource[]): Promise<DeploymentResult> {
    if (user.ability.cannot('create', 'Deployment')) throw new ForbiddenError('You may not deploy processes');
    return this.deploy(user.username, resources);
  }

  /** Deploys as `actor` (a user's name, or `system` for the shipped processes), with no permission check. */
  async deploy(actor: string, resources: Resource[]): Promise<DeploymentResult> {
    const bpmn = resources.filter((r) => r.name.endsWith('.bpmn'));
    const models = resources.filter((r) => r.name.endsWith('.bpmn') || r.name.endsWith('.dmn'));
    const formResources = resources.filter((r) => r.name.endsWith('.form.json'));
    const unknown = resources.filter((r) => !models.includes(r) && !formResources.includes(r));
    if (unknown.length) throw new ValidationError('Only .bpmn, .dmn and .form.json resources can be deployed', unknown.map((r) => ({ field: r.name, message: 'unsupported resource type' })));
    const forms = formResources.map(parseForm);
    const summaries = new Map((await Promise.all(bpmn.map((r) => describeBpmnOffThread(r.content).catch(() => [])))).flat().map((s) => [s.bpmnProcessId, s]));
    for (const resource of bpmn) await this.lint(resource);
    for (const resource of models.filter((r) => r.name.endsWith('.dmn'))) await assertDecisionsDecide(resource);
    await this.assertFormsResolve([...summaries.values()].flatMap((s) => s.formRefs), forms.map((f) => f.id));
    const deployment = models.length ? await this.deployModels(models) : { processes: [], decisions: [] };
    const now = new Date();
    await this.dataSource.transaction(async (manager) => {
      for (const form of forms) await manager.save(FormRecord, { id: form.id, json: JSON.stringify(form), deployedAt: now });
      for (const process of deployment.processes) {
        const summary = summaries.get(process.bpmnProcessId);
        const xml = bpmn.find((r) => r.name === process.resourceName)?.content ?? null;
        const linked = summary?.formIds.length ? await manager.findBy(FormRecord, { id: In(summary.formIds) }) : [];
        await manager.createQueryBuilder().insert().into(ProcessDefinition).values({
          key: process.processDefinitionKey,
          bpmnProcessId: process.bpmnProcessId,
          version: process.version,
          name: summary?.name ?? process.bpmnProcessId,
          startFormId: summary?.startFormId ?? null,
          resourceName: process.resourceName,
          deployedAt: now,
          deployedBy: actor,
          resourceXml: xml,
          checksum: xml === null ? null : createHash('sha256').update(xml).digest('hex'),
          forms: JSON.stringify(linked.map((record) => JSON.parse(record.json) as object)),
        }).orIgnore().execute();
      }
      for (const decision of deployment.decisions ?? []) {
        const xml = models.find((r) => r.name === decision.resourceName)?.content;
        if (xml === undefined) continue;
        await manager.createQueryBuilder().insert().into(DecisionDefinition).values({
          key: decision.decisionKey, decisionId: decision.decisionId, version: decision.version, resourceName: decision.resourceName, deployedAt: now, deployedBy: actor, resourceXml: xml,
        }).orIgnore().execute();
      }
      await this.audit.append(manager, {
        actor,
        action: 'deployment.create',
        subjectType: 'Deployment',
        subjectId: deployment.processes.map((p) => `${p.bpmnProcessId}:${p.version}`).join(',').slice(0, 64) || 'forms',
        payload: { resources: resources.map((r) => r.name), processes: deployment.processes, decisions: deployment.decisions ?? [], forms: forms.map((f) => f.id) },
      });
    });
    return {
      processes: deployment.processes.map((p) => ({ bpmnProcessId: p.bpmnProcessId, version: p.version, key: p.processDefinitionKey })),
      decisions: (deployment.decisions ?? []).map((d) => ({ decisionId: d.decisionId, version: d.version, key: d.decisionKey })),
      forms: forms.map((f) => f.id),
    };
  }

  /**
   * 400 naming each element whose form of ours (an external reference) is neither in this
   * deployment nor deployed before: its task would accept anything. Camunda's linked and
   * embedded forms are not ours to check.
   */
  private async assertFormsResolve(allRefs: FormReference[], deploying: string[]): Promise<void> {
    const refs = allRefs.filter((ref) => ref.attribute === 'externalReference');
    const outside = [...new Set(refs.map((ref) => ref.formId).filter((id) => !deploying.includes(id)))];
    const known = new Set(outside.length ? (await this.dataSource.getRepository(FormRecord).find({ where: { id: In(outside) }, select: { id: true } })).map((r) => r.id) : []);
    const unresolved = refs.filter((ref) => !deploying.includes(ref.formId) && !known.has(ref.formId));
    if (unresolved.length) {
      throw new AppError(400, 'unresolved_form', `${unresolved.length} element(s) reference a form that is neither in this deployment nor deployed: ${unresolved.map((r) => `${r.elementId} → ${r.formId}`).join(', ')}`,
        unresolved.map((ref) => ({ field: ref.elementId, message: `references form "${ref.formId}", which is neither in this deployment nor deployed` })));
    }
  }

  /** The designer's lint rules for a deploy: a model that cannot run is refused with every reason listed. */
  private lint(resource: Resource): Promise<void> {
    return lintBpmn(resource, this.pluginTypes);
  }

  private async deployModels(bpmn: Resource[]) {
    try {
      return await this.engine.deploy(bpmn);
    } catch (error) {
      if (error instanceof InvalidModelError) {
        throw new ValidationError(`The model was rejected: ${error.message}`, error.problems.map((p) => ({ field: p.elementId ?? p.resourceName ?? '(model)', message: p.message })));
      }
      throw error;
    }
  }
}
