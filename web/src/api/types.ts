import type { MongoAbility, RawRuleOf } from '@casl/ability';
import type { PackRule } from '@casl/ability/extra';
import type { InstanceDetail } from '@dealerflow/contract';

// The types of described routes come from the API contract; the rest move there as their routes are described.
export type { ApprovalItem, Assignee, CaseAttachment, CaseComment, CaseSummary, DecisionResult, FormDefinition, ItemsResponse, PageResponse, SavedView, SavedViewFilters, StartableProcess, StartedCase, Task, TaskDetail, TaskDiagramView, TaskDraft } from '@dealerflow/contract';

/** `GET /api/process-instances/:key`: one case. */
export type ProcessInstance = InstanceDetail;

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

