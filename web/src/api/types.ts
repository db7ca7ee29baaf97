import type { FormDefinition, InstanceDetail } from '@dealerflow/contract';

// The types of described routes come from the API contract; the rest move there as their routes are described.
export type { ApprovalItem, Assignee, CaseSummary, DecisionResult, FormDefinition, ItemsResponse, PageResponse, SavedView, SavedViewFilters, Task, TaskDetail, TaskDiagramView, TaskDraft } from '@dealerflow/contract';
export type { AuditEntry, AuditEntryView, AuditPage, AuditVerification, Bilingual, Dealer, MeResponse, SessionUser, UserView } from '@dealerflow/contract';

/** `GET /api/process-instances/:key`: one case. */
export type ProcessInstance = InstanceDetail;

/** `GET /api/processes`: a process this user may start. */
export interface StartableProcess {
  bpmnProcessId: string;
  name: string;
  version: number;
  startForm: FormDefinition | null;
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
