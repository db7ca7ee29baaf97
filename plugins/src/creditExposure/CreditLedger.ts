/** A dealer's exposure against its limit, broken down for the finance approver. */
export interface Exposure {
  dealerName: string;
  rating: number;
  creditLimit: number;
  /** Invoices less payments and credit notes. */
  openDebt: number;
  /** Vehicles other cases of the dealer hold and have not paid for yet. */
  pendingReservations: number;
  /** The amount this case asks for. */
  amount: number;
  /** openDebt + pendingReservations + amount. */
  total: number;
  /** Active (unexpired) overdrafts. */
  overdraft: number;
  /** total / (creditLimit + overdraft); above 1 is over the limit. */
  utilisation: number;
  /** creditLimit + overdraft - total; negative when over. */
  headroom: number;
}

/** A temporary overdraft finance grants. */
export interface OverdraftGrant {
  jobKey: string;
  dealerId: string;
  caseRef: string;
  amount: number;
  expiresAt: string;
  grantedBy: string;
  reason: string;
}

/** Dealer finance as the `credit-exposure` plugin needs it; the server keeps it in tables. */
export interface CreditLedger {
  /** The exposure if `amount` were added; the case's own reservations are not counted twice. */
  exposure(query: { dealerId: string; caseRef: string; amount: number }): Promise<Exposure>;
  /** Records an overdraft once per job key and returns it. */
  grantOverdraft(grant: OverdraftGrant): Promise<{ overdraftId: string; amount: number; expiresAt: string }>;
}
