import { candidateGroupsOf, type CurrentUser } from '../auth/CurrentUser';
import { AppError } from '../errors/AppError';
import type { InboxFilter, InboxPage, InboxQuery } from './InboxQuery';
import { APPROVAL_GROUPS, type TaskService } from './TaskService';

/** A decision an approver takes on one or many tasks, always with a reason. */
export interface ApprovalDecision {
  taskIds: string[];
  decision: 'approve' | 'reject' | 'requestInfo';
  reason: string;
}

/** How the approval queue is narrowed and ordered (time left is the due order). */
export type ApprovalFilter = Pick<InboxFilter, 'dealerId' | 'processId' | 'covered' | 'minAmount' | 'cursor' | 'limit'> & { sort?: 'due' | 'amount' | 'created' | 'dealer' };

/** What happened to one task of a bulk decision. */
export type DecisionResult = { taskId: string; ok: true } | { taskId: string; ok: false; status: number; code: string; message: string; details?: unknown };

/** The distributor approvers' queue: their groups' open tasks across dealers, soonest SLA first. */
export class ApprovalQueue {
  constructor(private readonly inbox: InboxQuery, private readonly tasks: TaskService) {}

  /** A page of the queue: most urgent first unless sorted by amount, newest or dealer name, narrowed by dealer, process, coverage and amount. */
  async page(user: CurrentUser, filter: ApprovalFilter = {}): Promise<InboxPage> {
    const mine = candidateGroupsOf(user).filter((g) => APPROVAL_GROUPS.includes(g));
    const { sort = 'due', ...rest } = filter;
    return this.inbox.page(user, { ...rest, state: 'open', sort, candidateGroupIn: mine });
  }

  /** Decides each task on its own (one failure does not stop the rest) and reports each outcome. */
  async decide(user: CurrentUser, { taskIds, decision, reason }: ApprovalDecision): Promise<DecisionResult[]> {
    const results: DecisionResult[] = [];
    for (const taskId of taskIds) {
      try {
        await this.tasks.complete(user, taskId, { decision, decisionReason: reason });
        results.push({ taskId, ok: true });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        results.push({ taskId, ok: false, status: error.status, code: error.code, message: error.message, details: error.details });
      }
    }
    return results;
  }
}
