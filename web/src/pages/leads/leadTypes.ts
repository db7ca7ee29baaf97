/** Where a lead is: offered to a dealer, taken, waiting at the distributor, or with an outcome. */
export type LeadStatus = 'new' | 'offered' | 'accepted' | 'queued' | 'contacted' | 'testDrive' | 'sold' | 'lost';

/** The statuses in the order the filter offers them. */
export const leadStatuses: readonly LeadStatus[] = ['offered', 'accepted', 'queued', 'contacted', 'testDrive', 'sold', 'lost', 'new'];

/** A lead as `GET /api/leads` lists it. */
export interface LeadRow {
  id: number;
  caseRef: string;
  customerName: string;
  phone?: string;
  email?: string | null;
  regionCode: string | null;
  cityCode: string | null;
  model: string;
  source: 'site' | 'call-centre' | 'test-drive' | 'marketplace';
  status: LeadStatus;
  strategy: string | null;
  dealerId: string | null;
  dealerName: string | null;
  offerExpiresAt: string | null;
  secondsLeft: number | null;
  lostReason: string | null;
  processInstanceKey: string | null;
  createdAt: string;
}
