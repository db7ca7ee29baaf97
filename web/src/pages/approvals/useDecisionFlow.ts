import { useState } from 'react';
import type { ApprovalItem } from '../../api/types';
import { reasonFieldId, type Decision } from './DecisionBar';
import type { PendingDecision } from './DecisionConfirm';

/** Sends a decision for the given tasks with the reason; true when every task was decided. */
export type SendDecision = (decision: Decision, keys: string[], reason: string) => Promise<boolean>;

/**
 * The reason, its check, and the confirmation step: one task is decided at once, several
 * only after the approver confirmed the summary.
 */
export function useDecisionFlow(items: ApprovalItem[], send: SendDecision) {
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [pending, setPending] = useState<PendingDecision | null>(null);

  const run = async (decision: Decision, keys: string[], text: string) => {
    setPending(null);
    if (await send(decision, keys, text)) {
      setReason('');
      setInvalid(false);
    }
  };

  const request = (decision: Decision, keys: string[]) => {
    const text = reason.trim();
    if (keys.length === 0) return;
    if (text.length < 5) {
      setInvalid(true);
      document.getElementById(reasonFieldId)?.focus();
      return;
    }
    const chosen = items.filter((item) => keys.includes(item.key));
    if (chosen.length > 1) setPending({ decision, items: chosen, reason: text });
    else void run(decision, keys, text);
  };

  return {
    reason,
    invalid,
    pending,
    setReason: (text: string) => {
      setReason(text);
      if (text.trim().length >= 5) setInvalid(false);
    },
    request,
    confirm: () => pending && void run(pending.decision, pending.items.map((item) => item.key), pending.reason),
    cancel: () => setPending(null),
  };
}
