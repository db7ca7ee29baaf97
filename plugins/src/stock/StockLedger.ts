/** One line of a vehicle request: a model, optionally narrowed to a trim and colour, and how many. */
export interface StockRequestLine {
  model: string;
  trim?: string;
  colour?: string;
  quantity: number;
}

/** Who holds the stock and for which case; `jobKey` makes every call idempotent. */
export interface StockCall {
  jobKey: string;
  processInstanceKey: string;
  dealerId: string;
  caseRef: string;
}

/** What a reservation holds now. */
export interface ReservationSummary {
  vins: string[];
  /** The sum of the reserved vehicles' prices. */
  amount: number;
  /** Vehicles asked for but not free. */
  shortfall: number;
  expiresAt: string;
}

/** The order the allocated vehicles became. */
export interface OrderSummary {
  orderNumber: string;
  vins: string[];
  amount: number;
}

/** The distributor's stock as the `stock` plugin needs it; the server keeps it in tables. */
export interface StockLedger {
  /** Atomically reserves free vehicles (lines or specific VINs) for `holdHours`; a repeated job key returns its first result. */
  reserve(call: StockCall & { lines: StockRequestLine[]; vins: string[]; holdHours: number }): Promise<ReservationSummary>;
  /** Returns every vehicle the case still holds to free stock; `expired` records why. */
  release(call: StockCall & { expired: boolean }): Promise<{ vins: string[] }>;
  /** Allocates the given reserved VINs (all when empty) and releases the rest. */
  allocate(call: StockCall & { vins: string[] }): Promise<{ vins: string[]; amount: number; released: string[] }>;
  /** Turns the case's allocated vehicles into one order; a repeated call returns the same order. */
  order(call: StockCall): Promise<OrderSummary>;
  /** Marks the case's order delivered. */
  receive(call: StockCall): Promise<OrderSummary>;
}
