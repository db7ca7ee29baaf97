import { definePlugin, type Plugin } from '../definePlugin';

/** A credit note request: the dealer is owed `amount` for the case `reference`. */
export interface CreditNoteRequest {
  /** The job that asked for it: a retried job gets the same note back, not a second one. */
  jobKey: string;
  dealerId: string;
  reference: string;
  amount: number;
}

/** The distributor's ledger of credit notes; the server keeps them in a table. */
export interface CreditNoteLedger {
  /** Issues a note (or returns the one this job already issued) and gives its number. */
  issue(request: CreditNoteRequest): Promise<string>;
}

interface CreditNoteInput {
  dealerId: string;
  reference: string;
  amount: number;
}

/** Service task type `credit-note`: issues a credit note to the dealer, exactly once per job. */
export function creditNotePlugin(ledger: CreditNoteLedger): Plugin<CreditNoteInput, { creditNoteNumber: string }> {
  return definePlugin<CreditNoteInput, { creditNoteNumber: string }>({
    taskType: 'credit-note',
    title: 'Issue credit note',
    description: 'Credits the dealer for an approved claim; idempotent per job.',
    input: {
      type: 'object',
      properties: { dealerId: { type: 'string', minLength: 1 }, reference: { type: 'string', minLength: 1 }, amount: { type: 'number', exclusiveMinimum: 0 } },
      required: ['dealerId', 'reference', 'amount'],
    },
    output: { type: 'object', properties: { creditNoteNumber: { type: 'string' } }, required: ['creditNoteNumber'], additionalProperties: false },
    async run(input, ctx) {
      return { creditNoteNumber: await ledger.issue({ jobKey: ctx.jobKey, ...input }) };
    },
  });
}
