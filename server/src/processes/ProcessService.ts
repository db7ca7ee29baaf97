import { subject } from '@casl/ability';
import type { StartableProcess, StartedCase } from '@dealerflow/contract';
import { NotFoundError as EngineNotFound, type InstanceDetails, type ProcessEngine, type Variables } from '@dealerflow/engine';
import { compileValidator, maskForm, type FieldError } from '@dealerflow/forms';
import type { DataSource } from 'typeorm';
import type { CurrentUser } from '../auth/CurrentUser';
import { actingAs } from '../engine/actorContext';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors/AppError';
import { caseReference } from './caseReference';
import { classificationFilter, type FormCatalog, type FormDefinition } from './FormCatalog';
import { ProcessInstanceRecord } from '../instances/ProcessInstanceRecord';
import { ProcessDefinition } from './ProcessDefinition';
import { Dealer } from '../entities/Dealer';
import { Task } from '../tasks/Task';
import { assertNoSystemVariables } from './systemVariables';
import { uploadRefsIn, type StagedUploads } from '../attachments/StagedUploads';

/** A process's own check of a start form beyond its schema (e.g. codes that must exist in a catalog): the bad fields. */
export type StartCheck = (variables: Variables) => Promise<FieldError[]>;

/** What starting may use besides the engine and the forms. */
export interface StartOptions {
  /** Files uploaded for start forms, which `x-attachments` fields name. */
  uploads?: StagedUploads;
  /** Checks by process id. */
  startChecks?: Record<string, StartCheck>;
}

/** What our projection knows of an instance: the facts its access rules look at, and the version it runs. */
export interface InstanceFacts {
  dealerId: string | null;
  bpmnProcessId: string;
  version: number;
}

/** A process a user may start, with its start form masked for them, as the API contract defines it. */
export type { StartableProcess } from '@dealerflow/contract';

/** Starting, reading and cancelling process instances, as the user's rules allow. */
export class ProcessService {
  constructor(private readonly dataSource: DataSource, private readonly engine: ProcessEngine, private readonly forms: FormCatalog, private readonly options: StartOptions = {}) {}

  /** The latest version of every process the user may start (or of just the one named). */
  async startable(user: CurrentUser, bpmnProcessId?: string): Promise<StartableProcess[]> {
    const query = this.dataSource.getRepository(ProcessDefinition).createQueryBuilder('p')
      .where('p.version = (SELECT MAX(v.version) FROM process_definition v WHERE v.bpmnProcessId = p.bpmnProcessId)');
    if (bpmnProcessId) query.andWhere('p.bpmnProcessId = :bpmnProcessId', { bpmnProcessId });
    const latest = await query.orderBy('p.name').getMany();
    const mayStart = latest.filter((p) => user.ability.can('start', subject('Process', { bpmnProcessId: p.bpmnProcessId })));
    return Promise.all(mayStart.map(async (p) => ({ bpmnProcessId: p.bpmnProcessId, name: p.name, version: p.version, startForm: await this.maskedForm(user, p.startFormId) })));
  }

  /**
   * Validates the start form and starts the version whose form it validated (the latest one
   * deployed through us, even when a newer one reached the engine meanwhile); the server adds the dealer (the
   * user's own; distributor staff name one), the case reference and the starter.
   */
  async start(user: CurrentUser, bpmnProcessId: string, input: Variables, forDealer?: string): Promise<StartedCase> {
    const [definition] = await this.startable(user, bpmnProcessId);
    if (!definition) throw new NotFoundError('Process', bpmnProcessId);
    assertNoSystemVariables(input);
    const variables = definition.startForm ? this.validate(definition.startForm.schema, input) : input;
    const uploads = definition.startForm ? uploadRefsIn(definition.startForm.schema, variables) : [];
    const errors = [...(await this.options.uploads?.check(user, uploads) ?? []), ...(await this.options.startChecks?.[bpmnProcessId]?.(variables) ?? [])];
    if (errors.length) throw new ValidationError('The form has invalid fields', errors);
    const dealerId = await this.dealerFor(user, forDealer);
    const caseRef = caseReference(bpmnProcessId);
    const started = await actingAs({ username: user.username }, () =>
      this.engine.createInstance(bpmnProcessId, { ...variables, dealerId, caseRef, startedBy: user.username }, { version: definition.version }));
    await this.options.uploads?.attach(user, started.processInstanceKey, uploads);
    return { instanceKey: started.processInstanceKey, caseRef };
  }

  /** An instance with its history and incidents; 404 when out of the user's reach; hidden variables removed. */
  async get(user: CurrentUser, instanceKey: string): Promise<InstanceDetails> {
    const instance = await this.readable(user, instanceKey);
    const hidden = await this.forms.hiddenVariables(user.ability);
    return { ...instance, variables: Object.fromEntries(Object.entries(instance.variables).filter(([name]) => !hidden.has(name))) };
  }

  /** Cancels an instance; only users who may manage instances. */
  async cancel(user: CurrentUser, instanceKey: string): Promise<void> {
    const facts = await this.assertReadable(user, instanceKey);
    if (user.ability.cannot('manage', subject('ProcessInstance', facts))) throw new ForbiddenError('You may not cancel process instances');
    await actingAs({ username: user.username }, () => this.engine.cancelInstance(instanceKey)).catch((error: unknown) => {
      if (error instanceof EngineNotFound) throw new NotFoundError('Active process instance', instanceKey);
      throw error;
    });
  }

  /** What access rules look at, from our instance projection; 404 when it is unknown or the user may not read it. */
  async assertReadable(user: CurrentUser, instanceKey: string): Promise<InstanceFacts> {
    const row = await this.dataSource.getRepository(ProcessInstanceRecord).findOne({ where: { key: instanceKey }, select: { key: true, dealerId: true, bpmnProcessId: true, version: true } });
    const facts = row && { dealerId: row.dealerId, bpmnProcessId: row.bpmnProcessId, version: row.version };
    if (!facts || user.ability.cannot('read', subject('ProcessInstance', facts))) throw new NotFoundError('Process instance', instanceKey);
    return facts;
  }

  /** The instance, with its variables and history from the engine, if the user may read it; 404 otherwise. */
  async readable(user: CurrentUser, instanceKey: string): Promise<InstanceDetails> {
    await this.assertReadable(user, instanceKey);
    return this.engine.getInstance(instanceKey).catch((error: unknown) => {
      throw error instanceof EngineNotFound ? new NotFoundError('Process instance', instanceKey) : error;
    });
  }

  /** Checks the user may add comments and attachments to the instance: 404 when they may not read it, 403 when they only may read it. */
  async assertCommentable(user: CurrentUser, instanceKey: string): Promise<void> {
    const facts = await this.assertReadable(user, instanceKey);
    const tasks = await this.dataSource.getRepository(Task).find({ where: { processInstanceKey: instanceKey }, select: { key: true, candidateGroups: true } });
    const taskGroups = [...new Set(tasks.flatMap((task) => task.candidateGroups))];
    if (user.ability.cannot('comment', subject('ProcessInstance', { ...facts, taskGroups }))) throw new ForbiddenError('You may read this case but not comment on it or attach files to it');
  }

  private async dealerFor(user: CurrentUser, forDealer: string | undefined): Promise<string | null> {
    if (user.dealerId) {
      if (forDealer && forDealer !== user.dealerId) throw new ForbiddenError('Dealer staff start cases for their own dealer only');
      return user.dealerId;
    }
    if (!forDealer) return null;
    if (!(await this.dataSource.getRepository(Dealer).existsBy({ id: forDealer }))) {
      throw new ValidationError(`Dealer ${forDealer} does not exist`, [{ field: 'dealerId', message: 'is not a dealer' }]);
    }
    return forDealer;
  }

  private async maskedForm(user: CurrentUser, formId: string | null): Promise<StartableProcess['startForm']> {
    const form = formId ? await this.forms.get(formId) : null;
    if (!form) return null;
    const { schema } = maskForm(form.schema, {}, classificationFilter(user.ability));
    return { id: form.id, title: form.title, schema: schema as FormDefinition['schema'], uiSchema: form.uiSchema, labels: form.labels };
  }

  private validate(schema: object, input: Variables): Variables {
    const result = compileValidator<Variables>(schema)(input);
    if (!result.ok) throw new ValidationError('The form has invalid fields', result.errors);
    return result.value;
  }
}
