import { BpmnError } from '../BpmnError';
import { definePlugin, type Plugin } from '../definePlugin';
import type { StockLedger, StockRequestLine } from './StockLedger';

/** What the `operation` task header may ask of the stock. */
export const stockOperations = ['reserve', 'release', 'expire', 'allocate', 'order', 'receive'] as const;

interface StockInput {
  dealerId: string;
  caseRef: string;
  lines?: StockRequestLine[];
  vins?: string[];
  holdHours?: number;
}

/** The plugin's output; which fields are set depends on the operation. */
export interface StockOutput {
  operation: string;
  vins: string[];
  amount?: number;
  shortfall?: number;
  expiresAt?: string;
  released?: string[];
  orderNumber?: string;
}

const line = {
  type: 'object',
  properties: {
    model: { type: 'string', minLength: 1 },
    trim: { type: 'string' },
    colour: { type: 'string' },
    quantity: { type: 'integer', minimum: 1, maximum: 50 },
  },
  required: ['model', 'quantity'],
};

/** Service task type `stock`: reserve, release, expire, allocate, order or receive vehicles of a case (task header `operation`). */
export function stockPlugin(ledger: StockLedger): Plugin<StockInput, StockOutput> {
  return definePlugin<StockInput, StockOutput>({
    taskType: 'stock',
    title: 'Vehicle stock',
    description: 'Reserves free vehicles for a dealer case atomically, releases, allocates, orders and receives them; idempotent per job. Task header "operation": reserve | release | expire | allocate | order | receive.',
    input: {
      type: 'object',
      properties: {
        dealerId: { type: 'string', minLength: 1 },
        caseRef: { type: 'string', minLength: 1 },
        lines: { type: 'array', items: line, maxItems: 20 },
        vins: { type: 'array', items: { type: 'string', pattern: '^[A-HJ-NPR-Z0-9]{17}$' }, maxItems: 50 },
        holdHours: { type: 'number', exclusiveMinimum: 0, maximum: 720 },
      },
      required: ['dealerId', 'caseRef'],
    },
    output: {
      type: 'object',
      properties: {
        operation: { type: 'string', enum: [...stockOperations] },
        vins: { type: 'array', items: { type: 'string' } },
        amount: { type: 'number' },
        shortfall: { type: 'integer' },
        expiresAt: { type: 'string' },
        released: { type: 'array', items: { type: 'string' } },
        orderNumber: { type: 'string' },
      },
      required: ['operation', 'vins'],
      additionalProperties: false,
    },
    async run(input, ctx) {
      const operation = ctx.headers.operation ?? '';
      const call = { jobKey: ctx.jobKey, processInstanceKey: ctx.processInstanceKey, dealerId: input.dealerId, caseRef: input.caseRef };
      switch (operation) {
        case 'reserve': {
          const lines = input.lines ?? [];
          const vins = input.vins ?? [];
          if (lines.length === 0 && vins.length === 0) throw new BpmnError('EMPTY_REQUEST', 'Нет ни одной позиции в заявке / The request names no vehicles');
          const held = await ledger.reserve({ ...call, lines, vins, holdHours: input.holdHours ?? 72 });
          if (held.vins.length === 0) throw new BpmnError('OUT_OF_STOCK', 'Свободных автомобилей нет / No free vehicles match the request', { shortfall: held.shortfall });
          return { operation, ...held };
        }
        case 'release':
        case 'expire':
          return { operation, ...(await ledger.release({ ...call, expired: operation === 'expire' })) };
        case 'allocate':
          return { operation, ...(await ledger.allocate({ ...call, vins: input.vins ?? [] })) };
        case 'order':
        case 'receive':
          return { operation, ...(await ledger[operation](call)) };
        default:
          throw new Error(`stock needs an "operation" task header, one of ${stockOperations.join(', ')}; got "${operation}"`);
      }
    },
  });
}
