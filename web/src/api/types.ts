import type { InstanceDetail } from '@dealerflow/contract';

// The types of described routes come from the API contract; the rest move there as their routes are described.
export type { ApprovalItem, Assignee, CaseAttachment, CaseComment, CaseSummary, DecisionResult, FormDefinition, ItemsResponse, PageResponse, SavedView, SavedViewFilters, StartableProcess, StartedCase, Task, TaskDetail, TaskDiagramView, TaskDraft } from '@dealerflow/contract';
export type { AuditEntry, AuditEntryView, AuditPage, AuditVerification, Bilingual, Dealer, MeResponse, SessionUser, UserView } from '@dealerflow/contract';

/** `GET /api/process-instances/:key`: one case. */
export type ProcessInstance = InstanceDetail;
