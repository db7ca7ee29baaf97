import type { MongoAbility, RawRuleOf } from '@casl/ability';
import type { PackRule } from '@casl/ability/extra';

/** The signed-in user as `GET /api/me` describes them. */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  dealerId: string | null;
  roles: string[];
  groups: string[];
  candidateGroups: string[];
  locale: string;
}

/** `GET /api/me`: the user and their packed CASL rules. */
export interface MeResponse {
  user: SessionUser;
  rules: PackRule<RawRuleOf<MongoAbility>>[];
}

/** A dealer as the server shows it to this user; masked fields are simply absent. */
export interface Dealer {
  id: string;
  name: string;
  region: string;
  territoryCodes?: string[];
  rating?: number;
  creditLimit?: number;
}

/** One link of the hash-chained audit trail. */
export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subjectType: string;
  subjectId: string;
  payload: unknown;
  prevHash: string;
  hash: string;
}

/** `GET /api/audit/verify`: the chain is intact, or where it breaks first. */
export type AuditVerification =
  | { ok: true; entries: number; lastHash: string }
  | { ok: false; entries: number; brokenAt: number; reason: string };

/** A list answer of the API. */
export interface ItemsResponse<T> {
  items: T[];
}

/** A form the server hands out: JSON schema, ui schema and English labels by dotted path. */
export interface FormDefinition {
  id: string;
  title: { ru: string; en: string } | string;
  schema: Record<string, unknown>;
  uiSchema?: Record<string, unknown>;
  labels?: { en?: Record<string, string> };
}

/** `GET /api/processes`: a process this user may start. */
export interface StartableProcess {
  bpmnProcessId: string;
  name: string;
  version: number;
  startForm: FormDefinition | null;
}

/** A user task as the task list shows it. */
export interface Task {
  key: string;
  processInstanceKey: string;
  bpmnProcessId: string;
  elementId: string;
  name: string;
  state: 'open' | 'completed' | 'cancelled';
  assignee: string | null;
  candidateGroups: string[];
  candidateUsers: string[];
  dealerId: string | null;
  caseRef: string | null;
  formId: string | null;
  dueDate: string | null;
  followUpDate: string | null;
  priority: number;
  createdAt: string;
  endedAt: string | null;
  completedBy: string | null;
  revision: number;
}

/** A page of a cursor-paged list. */
export interface PageResponse<T> {
  items: T[];
  nextCursor: string | null;
}

/** A task's saved draft: the form data (masked like the form), who saved it and when. */
export interface TaskDraft {
  variables: Record<string, unknown>;
  savedBy: string;
  savedAt: string;
}

/** `GET /api/tasks/:key`: the task, its form, the data it starts from, the fields hidden from this user and the draft. */
export interface TaskDetail {
  task: Task;
  form: FormDefinition | null;
  data: Record<string, unknown>;
  hidden: string[];
  draft: TaskDraft | null;
}

/** `GET /api/tasks/:key/diagram`: the BPMN of the task's process version and where the case stands. */
export interface TaskDiagramView {
  xml: string;
  activeElementIds: string[];
  completedElementIds: string[];
}

/** `GET /api/tasks/:key/assignees`: a colleague the task can be assigned to. */
export interface Assignee {
  id: string;
  username: string;
  displayName: string;
}

/** `GET /api/process-instances/:key`: one case. */
export interface ProcessInstance {
  processInstanceKey: string;
  bpmnProcessId: string;
  version: number;
  state: 'ACTIVE' | 'COMPLETED' | 'TERMINATED';
  variables: Record<string, unknown>;
  history: { elementId: string; state: string; at: number }[];
  incidents: unknown[];
}

/** A comment on a case. */
export interface CaseComment {
  id: string;
  author: string;
  body: string;
  createdAt: string;
}

/** A file attached to a case. */
export interface CaseAttachment {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  uploadedBy: string;
  createdAt: string;
}

/** A case in one line as list rows show it; fields hidden from the user are absent. */
export interface CaseSummary {
  vin?: string;
  claimAmount?: number;
  customerName?: string;
  /** The coverage check's verdict, and its kind (warranty, campaign, none). */
  covered?: boolean;
  coverageKind?: string;
}

/** A task in the approval queue, with the time left before its deadline and its case in one line. */
export interface ApprovalItem extends Task {
  timeLeftMs: number | null;
  summary: CaseSummary;
}

/** The inbox filters a saved view keeps, as `/api/tasks` parameters. */
export interface SavedViewFilters {
  state?: 'open' | 'completed' | 'cancelled';
  assignee?: string;
  q?: string;
  sort?: 'due' | 'priority' | 'created';
  candidateGroup?: string;
  dealerId?: string;
  processId?: string;
  dueBefore?: string;
}

/** `GET /api/me/views`: one of the user's saved inbox views. */
export interface SavedView {
  id: string;
  name: string;
  filters: SavedViewFilters;
  createdAt: string;
}

/** One task's outcome of a bulk decision. */
export type DecisionResult = { taskId: string; ok: true } | { taskId: string; ok: false; status: number; code: string; message: string; details?: unknown };
