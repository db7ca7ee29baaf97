/** A vehicle in stock as the server sends it (price may be absent). */
export interface StockRow {
  vin: string;
  model: string;
  trim: string;
  colour: string;
  year: number;
  warehouse: string;
  price?: number;
  status: 'free' | 'reserved' | 'allocated' | 'ordered';
  dealerId?: string | null;
  caseRef?: string | null;
}

/** A reservation; `amount` only for those who may see money. */
export interface ReservationRow {
  id: number;
  vin: string;
  dealerId: string;
  caseRef: string;
  processInstanceKey: string;
  state: 'pending' | 'allocated' | 'ordered' | 'released' | 'expired';
  amount?: number;
  expiresAt: string;
  secondsLeft: number;
}

/** An order of allocated vehicles. */
export interface OrderRow {
  id: number;
  number: string;
  dealerId: string;
  caseRef: string;
  vins: string[];
  amount?: number;
  status: 'placed' | 'delivered';
  createdAt: string;
  deliveredAt: string | null;
}

/** A dealer's exposure against its limit. */
export interface ExposureView {
  dealerName: string;
  creditLimit: number;
  openDebt: number;
  pendingReservations: number;
  overdraft: number;
  total: number;
  headroom: number;
  utilisation: number;
}

/** A line of a dealer's open-debt ledger. */
export interface LedgerLineView {
  kind: 'invoice' | 'payment' | 'creditNote';
  reference: string;
  amount: number;
  bookedAt: string;
}

/** A dealer's ledger lines (newest first) and recent overdrafts. */
export interface DealerLedgerView {
  lines: LedgerLineView[];
  overdrafts: { amount: number; expiresAt: string; grantedBy: string; reason: string; caseRef: string; grantedAt: string }[];
}
