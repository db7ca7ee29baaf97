import type { Notification as ProcessNotice } from '@dealerflow/plugins';
import type { EntityManager } from 'typeorm';
import type { NotificationService, NotifyRequest } from './NotificationService';

/** Notices that another kind already tells (the decision on a warranty case is `case.decided`). */
const toldElsewhere = new Set(['warranty-approved', 'warranty-rejected']);

/**
 * What a process's `notify` step (a send task with a `template` header) puts in people's bells:
 * the case's dealer's people, or the distributor group the step names. Null for notices another
 * kind already gives, so nobody is told twice.
 */
export function processNoticeRequest(notice: ProcessNotice): NotifyRequest | null {
  if (toldElsewhere.has(notice.template)) return null;
  const caseRef = typeof notice.data.caseRef === 'string' ? notice.data.caseRef : null;
  return {
    recipients: notice.recipientGroup ? { groups: [notice.recipientGroup] } : { dealerId: notice.dealerId, dealerPeople: true },
    kind: 'case.notice',
    params: { template: notice.template, caseRef },
    link: `/cases/${notice.processInstanceKey}`,
    cause: `case.notice:${notice.jobKey}`,
  };
}

/** Puts a process's notice in the bells of the people it is for (see `processNoticeRequest`). */
export async function notifyOfProcessNotice(notifications: NotificationService, manager: EntityManager, notice: ProcessNotice): Promise<void> {
  const request = processNoticeRequest(notice);
  if (request) await notifications.notify(manager, request);
}
