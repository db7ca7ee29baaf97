import { randomUUID } from 'node:crypto';
import type { SandboxStartRequest } from '@dealerflow/contract';
import { InvalidModelError, type Variables } from '@dealerflow/engine';
import type { Plugin, PluginLogger } from '@dealerflow/plugins';
import type { CurrentUser } from '../auth/CurrentUser';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors/AppError';
import { parseFormDefinition } from '../forms/parseFormDefinition';
import { describeBpmnOffThread } from '../processes/bpmnChecks';
import type { FormDefinition } from '../processes/FormCatalog';
import { lintDraft } from './lintDraft';
import type { SandboxEffect } from './SandboxEffects';
import { SandboxRun, validateForm, type SandboxRunView } from './SandboxRun';

/** What starting a test run needs: the draft diagram, forms not yet deployed, start data. */
export type { SandboxStartRequest } from '@dealerflow/contract';

/** How the sandbox is wired. */
export interface SandboxOptions {
  /** The plugins of one run; those that write record into `effects` instead. */
  plugins(effects: SandboxEffect[]): Plugin[];
  /** A form the diagram names that the request did not send (the builder's newest version). */
  lookupForm(id: string): Promise<FormDefinition | null>;
  log: PluginLogger;
  /** A run idle this long is closed; 30 minutes by default. */
  idleMs?: number;
  /** Runs one admin may keep open; starting another closes their least recently used. 3 by default. */
  maxRunsPerUser?: number;
  now?: () => number;
}

const SWEEP_MS = 60_000;

/** Test runs of draft diagrams on throw-away in-memory engines: real plugins that only read, recorded effects for those that write. */
export class SandboxService {
  private readonly runs = new Map<string, SandboxRun>();
  private readonly idleMs: number;
  private readonly maxRuns: number;
  private readonly now: () => number;
  private readonly pluginTypes: string[];
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly options: SandboxOptions) {
    this.idleMs = options.idleMs ?? 30 * 60_000;
    this.maxRuns = options.maxRunsPerUser ?? 3;
    this.now = options.now ?? Date.now;
    this.pluginTypes = options.plugins([]).map((p) => p.taskType);
    this.sweeper = setInterval(() => void this.sweep(), SWEEP_MS).unref();
  }

  /** Lints and starts the draft; answers the run after its first steps. */
  async start(user: CurrentUser, request: SandboxStartRequest): Promise<SandboxRunView> {
    this.authorize(user);
    await this.sweep();
    await lintDraft(request.xml, this.pluginTypes);
    const processes = await describeBpmnOffThread(request.xml);
    const target = processes.find((p) => request.bpmnProcessId === undefined || p.bpmnProcessId === request.bpmnProcessId);
    if (!target) throw new ValidationError('The diagram has no such executable process', [{ field: 'bpmnProcessId', message: request.bpmnProcessId ? `no executable process "${request.bpmnProcessId}"` : 'no executable process' }]);
    const sent = new Map((request.forms ?? []).map((form, i) => parseFormDefinition(form, `forms.${i}`)).map((form) => [form.id, form]));
    const forms = new Map<string, FormDefinition | null>(sent);
    const formFor = async (id: string) => {
      if (!forms.has(id)) forms.set(id, await this.options.lookupForm(id));
      return forms.get(id) ?? null;
    };
    const startForm = target.startFormId ? await formFor(target.startFormId) : null;
    if (target.startFormId && !startForm) throw new ValidationError(`The start form ${target.startFormId} is neither sent nor saved`, [{ field: 'forms', message: `needs form "${target.startFormId}"` }]);
    const variables = validateForm(startForm, request.variables ?? {});
    this.makeRoomFor(user.username);
    const id = randomUUID();
    const effects: SandboxEffect[] = [];
    const run = new SandboxRun(id, user.username, formFor, this.options.plugins(effects), effects, this.options.log, this.now(), this.idleMs);
    this.runs.set(id, run);
    try {
      await run.start(request.xml, target.bpmnProcessId, { ...variables, dealerId: request.dealerId ?? null, caseRef: `SANDBOX-${id.slice(0, 8).toUpperCase()}`, startedBy: user.username }, request.decisions);
    } catch (error) {
      await this.drop(id);
      if (error instanceof InvalidModelError) {
        throw new ValidationError(`The model was rejected: ${error.message}`, error.problems.map((p) => ({ field: p.elementId ?? '(model)', message: p.message })));
      }
      throw error;
    }
    return run.view();
  }

  /** The user's run; 404 for unknown, expired or someone else's runs. */
  async get(user: CurrentUser, id: string): Promise<SandboxRunView> {
    return (await this.use(user, id)).view();
  }

  /** Completes an open user task of the user's run. */
  async complete(user: CurrentUser, id: string, taskKey: string, variables: Variables): Promise<SandboxRunView> {
    const run = await this.use(user, id);
    await run.complete(taskKey, variables);
    return run.view();
  }

  /** Closes the user's run now. */
  async close(user: CurrentUser, id: string): Promise<void> {
    await this.use(user, id);
    await this.drop(id);
  }

  /** Closes runs idle for longer than the limit. */
  async sweep(): Promise<void> {
    const expired = [...this.runs.values()].filter((run) => this.now() - run.lastUsedAt > this.idleMs);
    await Promise.all(expired.map((run) => this.drop(run.id)));
  }

  /** Closes every run and stops the sweeper (server shutdown). */
  async shutdown(): Promise<void> {
    clearInterval(this.sweeper);
    await Promise.all([...this.runs.keys()].map((id) => this.drop(id)));
  }

  private authorize(user: CurrentUser): void {
    if (user.ability.cannot('create', 'SandboxRun')) throw new ForbiddenError('You may not test-run diagrams');
  }

  private async use(user: CurrentUser, id: string): Promise<SandboxRun> {
    this.authorize(user);
    await this.sweep();
    const run = this.runs.get(id);
    if (!run || run.owner !== user.username) throw new NotFoundError('Test run', id);
    run.lastUsedAt = this.now();
    return run;
  }

  private makeRoomFor(owner: string): void {
    const mine = [...this.runs.values()].filter((run) => run.owner === owner).sort((a, b) => a.lastUsedAt - b.lastUsedAt);
    for (const run of mine.slice(0, Math.max(0, mine.length - this.maxRuns + 1))) void this.drop(run.id);
  }

  private async drop(id: string): Promise<void> {
    const run = this.runs.get(id);
    this.runs.delete(id);
    await run?.close().catch(() => undefined);
  }
}
