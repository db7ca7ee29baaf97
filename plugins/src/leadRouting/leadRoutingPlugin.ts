import { definePlugin, type Plugin } from '../definePlugin';
import { routingStrategies, type LeadIntake, type LeadLedger, type RoutingPolicy } from './LeadLedger';

/** What the `operation` task header may ask. */
export const leadRoutingOperations = ['register', 'offer-next', 'offer-all', 'accept', 'decline', 'miss', 'queue', 'outcome'] as const;

type Nullable<T> = { [K in keyof T]?: T[K] | null };

interface LeadRoutingInput extends Nullable<LeadIntake> {
  leadId?: number | null;
  caseRef?: string | null;
  policy?: RoutingPolicy;
  dealerId?: string | null;
  acceptedBy?: string | null;
  startedBy?: string | null;
  outcome?: 'contacted' | 'testDrive' | 'sold' | 'lost' | null;
  lostReason?: string | null;
}

/** The plugin's output; which fields are set depends on the operation. */
export interface LeadRoutingOutput {
  operation: string;
  leadId?: number;
  caseRef?: string;
  dealerId?: string | null;
  dealerName?: string | null;
  dealerIds?: string[];
  responseSeconds?: number;
  final?: boolean;
}

const code = { type: ['string', 'null'], pattern: '^[A-Za-z0-9-]{1,16}$' };
const optionalText = (maxLength: number) => ({ type: ['string', 'null'], maxLength });

/** Service task type `lead-routing`: registers a lead, offers it to dealers by the routing policy, records acceptances, misses and outcomes (task header `operation`). */
export function leadRoutingPlugin(ledger: LeadLedger): Plugin<LeadRoutingInput, LeadRoutingOutput> {
  return definePlugin<LeadRoutingInput, LeadRoutingOutput>({
    taskType: 'lead-routing',
    title: 'Lead routing',
    description: 'Routes a lead to dealers by territory, rating, first response or a hybrid, never offering it twice to one dealer; records acceptances, misses and outcomes and updates the dealer rating; idempotent per job. Task header "operation": register | offer-next | offer-all | accept | decline | miss | queue | outcome.',
    input: {
      type: 'object',
      properties: {
        leadId: { type: ['integer', 'null'], minimum: 1 },
        caseRef: { type: ['string', 'null'], minLength: 1, maxLength: 64 },
        externalId: optionalText(128),
        customerName: { type: 'string', minLength: 1, maxLength: 200 },
        phone: { type: 'string', minLength: 3, maxLength: 32 },
        email: optionalText(200),
        regionCode: code,
        cityCode: code,
        model: { type: 'string', minLength: 1, maxLength: 64 },
        source: { type: 'string', minLength: 1, maxLength: 32 },
        policy: {
          type: 'object',
          properties: {
            strategy: { enum: [...routingStrategies] },
            ratingThreshold: { type: 'number', minimum: 0, maximum: 100 },
            acceptSlaMinutes: { type: 'number', exclusiveMinimum: 0, maximum: 100_000 },
          },
          required: ['strategy', 'ratingThreshold', 'acceptSlaMinutes'],
        },
        dealerId: { type: ['string', 'null'] },
        acceptedBy: optionalText(64),
        startedBy: optionalText(64),
        outcome: { enum: ['contacted', 'testDrive', 'sold', 'lost', null] },
        lostReason: optionalText(500),
      },
    },
    output: {
      type: 'object',
      properties: {
        operation: { enum: [...leadRoutingOperations] },
        leadId: { type: 'integer' },
        caseRef: { type: 'string' },
        dealerId: { type: ['string', 'null'] },
        dealerName: { type: ['string', 'null'] },
        dealerIds: { type: 'array', items: { type: 'string' } },
        responseSeconds: { type: 'integer' },
        final: { type: 'boolean' },
      },
      required: ['operation'],
      additionalProperties: false,
    },
    async run(input, ctx) {
      const operation = ctx.headers.operation ?? '';
      const base = { jobKey: ctx.jobKey, processInstanceKey: ctx.processInstanceKey };
      if (operation === 'register') {
        const lead = input.leadId ? undefined : intakeOf(input);
        // A lead sent as a message or entered on the start form has no row yet: register stores it.
        return { operation, ...(await ledger.register({ ...base, leadId: input.leadId ?? undefined, caseRef: input.caseRef ?? undefined, lead, startedBy: input.startedBy ?? undefined })) };
      }
      const call = { ...base, leadId: need(input.leadId, 'leadId') };
      switch (operation) {
        case 'offer-next': {
          const offered = await ledger.offerNext({ ...call, policy: need(input.policy, 'policy') });
          return { operation, dealerId: offered?.dealerId ?? null, dealerName: offered?.dealerName ?? null };
        }
        case 'offer-all':
          return { operation, dealerIds: (await ledger.offerAll({ ...call, policy: need(input.policy, 'policy') })).map((d) => d.dealerId) };
        case 'accept': {
          const taken = await ledger.accept({ ...call, dealerId: need(input.dealerId, 'dealerId'), acceptedBy: input.acceptedBy ?? undefined });
          return { operation, ...taken };
        }
        case 'decline':
        case 'miss':
          await ledger.pass({ ...call, dealerId: need(input.dealerId, 'dealerId'), missed: operation === 'miss' });
          return { operation, dealerId: null };
        case 'queue':
          await ledger.queue(call);
          return { operation, dealerId: null };
        case 'outcome':
          return { operation, ...(await ledger.outcome({ ...call, dealerId: input.dealerId ?? null, outcome: need(input.outcome, 'outcome'), lostReason: input.lostReason ?? undefined })) };
        default:
          throw new Error(`lead-routing needs an "operation" task header, one of ${leadRoutingOperations.join(', ')}; got "${operation}"`);
      }
    },
  });
}

function need<T>(value: T | undefined | null, name: string): T {
  if (value === undefined || value === null) throw new Error(`lead-routing needs the input "${name}"`);
  return value;
}

function intakeOf(input: LeadRoutingInput): LeadIntake {
  return {
    externalId: input.externalId ?? undefined, customerName: need(input.customerName, 'customerName'), phone: need(input.phone, 'phone'), email: input.email ?? undefined,
    regionCode: input.regionCode ?? undefined, cityCode: input.cityCode ?? undefined, model: need(input.model, 'model'), source: need(input.source, 'source'),
  };
}
