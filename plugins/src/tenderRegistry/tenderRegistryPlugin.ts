import { definePlugin, type Plugin } from '../definePlugin';
import type { TenderApplication, TenderRegistry } from './TenderRegistry';

/** What the `operation` task header may ask of the registry. */
export const tenderRegistryOperations = ['register', 'lock', 'refuse', 'lapse', 'expire', 'outcome'] as const;

interface TenderRegistryInput extends Partial<TenderApplication> {
  dealerId: string;
  caseRef: string;
  lockDays?: number;
  decidedBy?: string;
  decisionReason?: string;
  outcome?: 'won' | 'lost';
  outcomeNote?: string;
  reportedBy?: string;
}

/** The plugin's output; which fields are set depends on the operation. */
export interface TenderRegistryOutput {
  operation: string;
  outcome?: string;
  state?: string;
  heldUntil?: string;
  lockedUntil?: string;
  conflictUntil?: string;
  conflictMatch?: string;
  conflictWith?: string;
  similar?: { appliedOn: string; tenderNumber: string; state: string; score: number }[];
}

const positive = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};

/**
 * Service task type `tender-registry`: registers a dealer's tender application and finds
 * conflicts (task header `windowDays`, default 90; `holdDays` while it is verified, default 5),
 * locks it, releases it (refused, lapsed or expired) and records the outcome; idempotent per job.
 */
export function tenderRegistryPlugin(registry: TenderRegistry): Plugin<TenderRegistryInput, TenderRegistryOutput> {
  return definePlugin<TenderRegistryInput, TenderRegistryOutput>({
    taskType: 'tender-registry',
    title: 'Tender registry',
    description: 'Finds conflicting tender reservations (same tender number, or the same customer INN and a like object within windowDays) and holds, locks, releases or closes a tender for one dealer; idempotent per job. Task header "operation": register | lock | refuse | lapse | expire | outcome.',
    input: {
      type: 'object',
      properties: {
        dealerId: { type: 'string', minLength: 1 },
        caseRef: { type: 'string', minLength: 1 },
        tenderNumber: { type: 'string' },
        platform: { type: 'string' },
        customerInn: { type: 'string' },
        customerName: { type: 'string' },
        tenderObject: { type: 'string' },
        products: { type: 'array', items: { type: 'object', properties: { productCode: { type: 'string' }, quantity: { type: 'integer', minimum: 1 } }, required: ['productCode', 'quantity'] } },
        expectedDate: { type: 'string' },
        lockDays: { type: 'integer', minimum: 1, maximum: 365 },
        outcome: { enum: ['won', 'lost'] },
      },
      required: ['dealerId', 'caseRef'],
    },
    output: {
      type: 'object',
      properties: {
        operation: { type: 'string', enum: [...tenderRegistryOperations] },
        outcome: { type: 'string' },
        state: { type: 'string' },
        heldUntil: { type: 'string' },
        lockedUntil: { type: 'string' },
        conflictUntil: { type: 'string' },
        conflictMatch: { type: 'string' },
        conflictWith: { type: 'string' },
        similar: { type: 'array' },
      },
      required: ['operation'],
      additionalProperties: false,
    },
    async run(input, ctx) {
      const operation = ctx.headers.operation ?? '';
      const call = { jobKey: ctx.jobKey, processInstanceKey: ctx.processInstanceKey, dealerId: input.dealerId, caseRef: input.caseRef };
      switch (operation) {
        case 'register': {
          const { tenderNumber, platform, customerInn, customerName, tenderObject, products, expectedDate } = input;
          if (!tenderNumber || !customerInn || !tenderObject) throw new Error('register needs tenderNumber, customerInn and tenderObject');
          const application = { tenderNumber, platform: platform ?? '', customerInn, customerName: customerName ?? '', tenderObject, products: products ?? [], expectedDate: expectedDate ?? '' };
          const result = await registry.register({ ...call, application, windowDays: positive(ctx.headers.windowDays, 90), holdDays: positive(ctx.headers.holdDays, 5) });
          return { operation, ...result };
        }
        case 'lock':
          return { operation, ...(await registry.lock({ ...call, days: input.lockDays ?? 30, decidedBy: input.decidedBy ?? 'system' })) };
        case 'refuse':
          return { operation, ...(await registry.release({ ...call, why: 'refused', reason: input.decisionReason })) };
        case 'lapse':
          return { operation, ...(await registry.release({ ...call, why: 'lapsed' })) };
        case 'expire':
          return { operation, ...(await registry.release({ ...call, why: 'expired' })) };
        case 'outcome':
          if (!input.outcome) throw new Error('outcome needs "outcome": won or lost');
          return { operation, ...(await registry.recordOutcome({ ...call, outcome: input.outcome, note: input.outcomeNote, reportedBy: input.reportedBy ?? 'system' })) };
        default:
          throw new Error(`tender-registry needs an "operation" task header, one of ${tenderRegistryOperations.join(', ')}; got "${operation}"`);
      }
    },
  });
}
