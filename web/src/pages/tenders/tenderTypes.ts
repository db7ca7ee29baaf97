/** Where a tender application is (the server's `TenderState`). */
export type TenderState = 'pending' | 'locked' | 'conflict' | 'refused' | 'lapsed' | 'expired' | 'won' | 'lost';

/** One row of `GET /api/tenders`. */
export interface TenderRow {
  id: number;
  caseRef: string;
  processInstanceKey: string;
  dealerId: string;
  tenderNumber: string;
  platform: string;
  customerInn: string;
  customerName: string;
  tenderObject: string;
  products: { productCode: string; quantity: number }[];
  expectedDate: string;
  state: TenderState;
  appliedAt: string;
  heldUntil: string | null;
  conflictUntil: string | null;
  extensions: number;
  decidedBy: string | null;
  reason: string | null;
}

/** One model of `GET /api/tenders/products`; retired ones still name the tenders that asked for them. */
export interface TenderProduct {
  code: string;
  name: string;
  sortOrder: number;
  active: boolean;
}
