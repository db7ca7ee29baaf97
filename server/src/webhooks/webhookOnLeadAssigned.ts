import type { LeadAssignedListener } from '../leads/SqlLeadLedger';
import { ProcessInstanceRecord } from '../instances/ProcessInstanceRecord';
import type { WebhookOutbox } from './WebhookOutbox';

/** Writes `lead.assigned` into the webhook outbox in the transaction that gives the lead to a dealer. */
export function webhookOnLeadAssigned(outbox: WebhookOutbox): LeadAssignedListener {
  return async (manager, { lead, dealerId, dealerName, processInstanceKey, jobKey }) => {
    const instance = await manager.findOne(ProcessInstanceRecord, { where: { key: processInstanceKey }, select: { key: true, bpmnProcessId: true } });
    const processId = instance?.bpmnProcessId ?? 'lead-distribution';
    await outbox.record(manager, {
      type: 'lead.assigned', key: `lead.assigned:${lead.id}:${jobKey}`, processId, dealerId,
      data: { leadId: lead.id, caseRef: lead.caseRef, processInstanceKey, processId, dealerId, dealerName, model: lead.model, regionCode: lead.regionCode, cityCode: lead.cityCode, source: lead.source },
    });
  };
}
