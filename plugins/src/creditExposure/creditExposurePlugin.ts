import { definePlugin, type Plugin } from '../definePlugin';
import type { CreditLedger, Exposure } from './CreditLedger';

interface CreditExposureInput {
  dealerId: string;
  caseRef: string;
  amount: number;
  overdraftAmount?: number;
  overdraftExpiresAt?: string;
  decidedBy?: string;
  decisionReason?: string;
}

/** `measure` answers `{ exposure }`; `grant-overdraft` answers `{ overdraftId, overdraftAmount, overdraftExpiresAt }`. */
export type CreditExposureOutput = { exposure: Exposure } | { overdraftId: string; overdraftAmount: number; overdraftExpiresAt: string };

const money = { type: 'number', minimum: 0 };

/** Service task type `credit-exposure`: measures a dealer's exposure against its limit, or grants an overdraft (task header `operation`). */
export function creditExposurePlugin(ledger: CreditLedger): Plugin<CreditExposureInput, CreditExposureOutput> {
  return definePlugin<CreditExposureInput, CreditExposureOutput>({
    taskType: 'credit-exposure',
    title: 'Credit exposure',
    description: 'Exposure = open debt + pending reservations + this amount, against the credit limit plus active overdrafts; or records a temporary overdraft once per job. Task header "operation": measure | grant-overdraft.',
    input: {
      type: 'object',
      properties: {
        dealerId: { type: 'string', minLength: 1 },
        caseRef: { type: 'string', minLength: 1 },
        amount: money,
        overdraftAmount: { type: 'number', exclusiveMinimum: 0 },
        overdraftExpiresAt: { type: 'string', format: 'date' },
        decidedBy: { type: 'string' },
        decisionReason: { type: 'string' },
      },
      required: ['dealerId', 'caseRef', 'amount'],
    },
    output: {
      type: 'object',
      properties: {
        exposure: {
          type: 'object',
          properties: {
            dealerName: { type: 'string' }, rating: { type: 'number' }, creditLimit: money, openDebt: { type: 'number' }, pendingReservations: money,
            amount: money, total: { type: 'number' }, overdraft: money, utilisation: { type: 'number' }, headroom: { type: 'number' },
          },
          required: ['creditLimit', 'openDebt', 'pendingReservations', 'amount', 'total', 'overdraft', 'utilisation', 'headroom'],
        },
        overdraftId: { type: 'string' },
        overdraftAmount: { type: 'number' },
        overdraftExpiresAt: { type: 'string' },
      },
      additionalProperties: false,
    },
    async run(input, ctx) {
      const operation = ctx.headers.operation ?? 'measure';
      if (operation === 'measure') return { exposure: await ledger.exposure({ dealerId: input.dealerId, caseRef: input.caseRef, amount: input.amount }) };
      if (operation !== 'grant-overdraft') throw new Error(`credit-exposure: unknown operation "${operation}"`);
      if (!input.overdraftAmount || !input.overdraftExpiresAt) throw new Error('credit-exposure grant-overdraft needs overdraftAmount and overdraftExpiresAt');
      const granted = await ledger.grantOverdraft({
        jobKey: ctx.jobKey,
        dealerId: input.dealerId,
        caseRef: input.caseRef,
        amount: input.overdraftAmount,
        expiresAt: input.overdraftExpiresAt,
        grantedBy: input.decidedBy ?? 'system',
        reason: input.decisionReason ?? '',
      });
      return { overdraftId: granted.overdraftId, overdraftAmount: granted.amount, overdraftExpiresAt: granted.expiresAt };
    },
  });
}
