import type { LeadStatus } from '@dealerflow/contract';

/** A lead as `GET /api/leads` lists it, and where it is, as the API contract defines them. */
export type { LeadRow, LeadStatus } from '@dealerflow/contract';

/** The statuses in the order the filter offers them. */
export const leadStatuses: readonly LeadStatus[] = ['offered', 'accepted', 'queued', 'contacted', 'testDrive', 'sold', 'lost', 'new'];
