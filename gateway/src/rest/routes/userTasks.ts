import type { ElementId, FormKey, ProcessDefinitionId, ProcessInstanceKey, TenantId, UserTaskKey, UserTaskResult, UserTaskSearchQueryResult } from '@camunda8/orchestration-cluster-api';
import type { ServableEngine, UserTask, UserTaskState } from '@dealerflow/engine';
import { keyedCommand } from '../keyedCommand';
import { badRequest, notFound, Problem } from '../Problem';
import { checkTenant, keyParam, optionalString, requiredString, variablesOf } from '../requestValues';
import { asKey, DEFAULT_TENANT, deployedFormKey, formResult, isoDate } from '../responseValues';
import type { RestRoute } from '../RestRoute';
import { exact, pageOf, searchRequest, type Sortable } from '../search';

/** An engine user task as the API's user task. */
function toUserTask(t: UserTask): UserTaskResult {
  const out: UserTaskResult = {
    userTaskKey: asKey<UserTaskKey>(t.key), state: t.state, elementId: asKey<ElementId>(t.elementId), candidateGroups: t.candidateGroups, candidateUsers: t.candidateUsers,
    processDefinitionId: asKey<ProcessDefinitionId>(t.bpmnProcessId), processInstanceKey: asKey<ProcessInstanceKey>(t.processInstanceKey), creationDate: isoDate(t.createdAt),
    tenantId: asKey<TenantId>(DEFAULT_TENANT), priority: t.priority, customHeaders: {},
  };
  if (t.name !== undefined) out.name = t.name;
  if (t.assignee !== undefined) out.assignee = t.assignee;
  if (t.dueDate !== undefined) out.dueDate = t.dueDate;
  if (t.followUpDate !== undefined) out.followUpDate = t.followUpDate;
  if (t.externalFormReference !== undefined) out.externalFormReference = t.externalFormReference;
  const formKey = deployedFormKey(t.formKey);
  if (formKey !== undefined) out.formKey = asKey<FormKey>(formKey);
  return out;
}

const FILTERS = ['userTaskKey', 'processInstanceKey', 'processDefinitionId', 'elementId', 'state', 'assignee', 'candidateGroup', 'candidateUser', 'priority', 'tenantId'] as const;

const SORTABLE: Sortable<UserTask> = {
  creationDate: (t) => t.createdAt, completionDate: () => undefined, dueDate: (t) => t.dueDate, followUpDate: (t) => t.followUpDate, priority: (t) => t.priority,
};

/** The open tasks matching a search filter; the engine keeps open tasks only, so other states find nothing. */
async function findTasks(engine: ServableEngine, f: Record<string, unknown>): Promise<UserTask[]> {
  checkTenant(exact<string>(f.tenantId, 'tenantId', 'string'));
  const state = exact<string>(f.state, 'state', 'string') as UserTaskState | undefined;
  const processInstanceKey = exact<string>(f.processInstanceKey, 'processInstanceKey', 'string');
  const elementId = exact<string>(f.elementId, 'elementId', 'string');
  const tasks = await engine.searchUserTasks({
    ...(state !== undefined ? { state } : {}),
    ...(processInstanceKey !== undefined ? { processInstanceKey: keyParam(processInstanceKey, 'filter.processInstanceKey') } : {}),
    ...(elementId !== undefined ? { elementId } : {}),
  });
  const key = exact<string>(f.userTaskKey, 'userTaskKey', 'string');
  const processId = exact<string>(f.processDefinitionId, 'processDefinitionId', 'string');
  const assignee = exact<string>(f.assignee, 'assignee', 'string');
  const group = exact<string>(f.candidateGroup, 'candidateGroup', 'string');
  const user = exact<string>(f.candidateUser, 'candidateUser', 'string');
  const priority = exact<number>(f.priority, 'priority', 'number');
  return tasks.filter((t) => (key === undefined || t.key === key) && (processId === undefined || t.bpmnProcessId === processId) &&
    (assignee === undefined || t.assignee === assignee) && (group === undefined || t.candidateGroups.includes(group)) &&
    (user === undefined || t.candidateUsers.includes(user)) && (priority === undefined || t.priority === priority));
}

async function openTask(engine: ServableEngine, key: string): Promise<UserTask> {
  const [task] = await findTasks(engine, { userTaskKey: key });
  if (!task) throw notFound(`User task with key '${key}' not found`);
  return task;
}

const missing = (action: string, key: string) => ({ NOT_FOUND: `Expected to ${action} user task with key '${key}', but no such user task was found` });

/** /v2/user-tasks: search, get, read the linked form, assign, unassign and complete the engine's user tasks. */
export const userTaskRoutes: RestRoute[] = [
  {
    method: 'post',
    path: '/user-tasks/search',
    async handle(ctx, { engine }) {
      const request = searchRequest(ctx.request.body, FILTERS, Object.keys(SORTABLE));
      const { items, page } = pageOf(await findTasks(engine, request.filter), request, (t) => t.key, SORTABLE);
      const body: UserTaskSearchQueryResult = { items: items.map(toUserTask), page: page as UserTaskSearchQueryResult['page'] };
      ctx.body = body;
    },
  },
  {
    method: 'get',
    path: '/user-tasks/:key',
    async handle(ctx, { engine }) {
      ctx.body = toUserTask(await openTask(engine, keyParam(ctx.params.key, 'userTaskKey')));
    },
  },
  {
    method: 'get',
    path: '/user-tasks/:key/form',
    async handle(ctx, { engine }) {
      const task = await openTask(engine, keyParam(ctx.params.key, 'userTaskKey'));
      // a custom form key or an external reference is the application's to resolve
      const formKey = deployedFormKey(task.formKey);
      if (formKey === undefined) {
        ctx.status = 204;
        return;
      }
      ctx.body = formResult(await engine.getForm({ formKey }));
    },
  },
  keyedCommand({
    method: 'post', path: '/user-tasks/:key/assignment', keyName: 'userTaskKey', intent: 'ASSIGN', reasons: (key) => missing('assign', key),
    async run(engine, key, body) {
      const assignee = requiredString(body.assignee, 'assignee');
      optionalString(body.action, 'action');
      if (body.allowOverride === false) {
        const task = await openTask(engine, key);
        if (task.assignee !== undefined && task.assignee !== assignee) {
          throw new Problem(409, 'INVALID_STATE', `Expected to assign user task with key '${key}', but it is already assigned to '${task.assignee}'`);
        }
      }
      return engine.assignUserTask(key, assignee);
    },
  }),
  keyedCommand({
    method: 'delete', path: '/user-tasks/:key/assignee', keyName: 'userTaskKey', intent: 'ASSIGN', reasons: (key) => missing('unassign', key),
    run: (engine, key) => engine.assignUserTask(key, undefined),
  }),
  keyedCommand({
    method: 'post', path: '/user-tasks/:key/completion', keyName: 'userTaskKey', intent: 'COMPLETE', reasons: (key) => missing('complete', key),
    run(engine, key, body) {
      if (body.action !== undefined && body.action !== null && typeof body.action !== 'string') throw badRequest('The value for action must be a string');
      return engine.completeUserTask(key, variablesOf(body.variables));
    },
  }),
];
