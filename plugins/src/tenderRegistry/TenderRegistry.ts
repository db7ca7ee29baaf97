/** One product line of a tender application: a catalog code and how many. */
export interface TenderProductLine {
  productCode: string;
  quantity: number;
}

/** What a dealer applies with. */
export interface TenderApplication {
  tenderNumber: string;
  platform: string;
  customerInn: string;
  customerName: string;
  tenderObject: string;
  products: TenderProductLine[];
  expectedDate: string;
}

/** Which dealer's case asks; `jobKey` makes every call idempotent. */
export interface TenderCall {
  jobKey: string;
  processInstanceKey: string;
  dealerId: string;
  caseRef: string;
}

/** A recent application that looks like this one, for the approver: neither the other dealer nor its case. */
export interface SimilarTender {
  appliedOn: string;
  tenderNumber: string;
  state: string;
  /** 0..1: how alike the customer and the object are. */
  score: number;
}

/** What registering found: the tender is held for this case, or another case holds it until `conflictUntil`. */
export interface RegisterResult {
  outcome: 'held' | 'conflict';
  /** held: until when the application holds the tender while it is verified. */
  heldUntil?: string;
  /** conflict: until when the other case holds it; never who holds it. */
  conflictUntil?: string;
  /** conflict: what matched: the tender number, or the customer's INN and a like object. */
  conflictMatch?: 'tender-number' | 'customer-object';
  /** conflict: whether the holder is the same dealer (a second application) or another one. */
  conflictWith?: 'own' | 'other';
  /** held: like applications of the window (none on a conflict, which must not hint at the holder). */
  similar: SimilarTender[];
}

/** The registry of tender reservations as the `tender-registry` plugin needs it; the server keeps it in tables. */
export interface TenderRegistry {
  /** Looks for conflicts and, when there is none, holds the tender for the case for `holdDays`; one holder per tender, however many apply at once. */
  register(call: TenderCall & { application: TenderApplication; windowDays: number; holdDays: number }): Promise<RegisterResult>;
  /** Locks the held tender to the case's dealer for `days`. */
  lock(call: TenderCall & { days: number; decidedBy: string }): Promise<{ lockedUntil: string }>;
  /** Ends the case's hold: refused by the approver, lapsed unverified, or the lock expired. */
  release(call: TenderCall & { why: 'refused' | 'lapsed' | 'expired'; reason?: string }): Promise<{ state: string }>;
  /** Stores the dealer's result (won or lost) and frees the tender; it feeds the dealer's rating. */
  recordOutcome(call: TenderCall & { outcome: 'won' | 'lost'; note?: string; reportedBy: string }): Promise<{ outcome: string }>;
}
