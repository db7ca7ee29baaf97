/** How a lead is routed; the `lead-routing-policy` decision table picks one per lead. */
export const routingStrategies = ['territory', 'rating', 'first-response', 'hybrid'] as const;
export type RoutingStrategy = (typeof routingStrategies)[number];

/** Every call names its job: a repeated job key returns its first result and changes nothing. */
export interface LeadCall {
  jobKey: string;
  processInstanceKey: string;
  leadId: number;
}

/** The routing policy's answer for one lead. */
export interface RoutingPolicy {
  strategy: RoutingStrategy;
  /** Dealers rated below this (0..100) are not offered the lead by rating. */
  ratingThreshold: number;
  acceptSlaMinutes: number;
}

/** A lead as a message from the brand site carries it (the API route stores the row itself first). */
export interface LeadIntake {
  externalId?: string;
  customerName: string;
  phone: string;
  email?: string;
  regionCode?: string;
  cityCode?: string;
  model: string;
  source: string;
}

/** A dealer the lead was offered to. */
export interface OfferedDealer {
  dealerId: string;
  dealerName: string;
}

/** The outcome a dealer or the distributor's queue records. */
export interface LeadOutcomeCall extends LeadCall {
  dealerId: string | null;
  outcome: 'contacted' | 'testDrive' | 'sold' | 'lost';
  lostReason?: string;
}

/** Leads, offers and dealer ratings as the `lead-routing` plugin needs them; the server keeps them in tables. */
export interface LeadLedger {
  /** Ties the case to its lead; a lead sent as a message or entered on the start form (no `leadId`) is stored here, deduplicated by its external id, and gets a case reference if it has none. */
  register(call: Omit<LeadCall, 'leadId'> & { leadId?: number; caseRef?: string; lead?: LeadIntake; startedBy?: string }): Promise<{ leadId: number; caseRef: string }>;
  /** Offers the lead to the best dealer not offered it before under `policy`, or returns null when nobody is left. */
  offerNext(call: LeadCall & { policy: RoutingPolicy }): Promise<OfferedDealer | null>;
  /** Offers the lead to every eligible dealer at once (first response); empty when there is none. */
  offerAll(call: LeadCall & { policy: RoutingPolicy }): Promise<OfferedDealer[]>;
  /** The dealer took it: its response time moves its rating. */
  accept(call: LeadCall & { dealerId: string; acceptedBy?: string }): Promise<OfferedDealer & { responseSeconds: number }>;
  /** The dealer declined it, or let the SLA pass (`missed`). */
  pass(call: LeadCall & { dealerId: string; missed: boolean }): Promise<void>;
  /** Nobody took it: it waits in the distributor's sales queue. */
  queue(call: LeadCall): Promise<void>;
  /** Records an outcome; a sale or a loss moves the dealer's rating. */
  outcome(call: LeadOutcomeCall): Promise<{ final: boolean }>;
}
