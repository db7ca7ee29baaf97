export { stockOperations, stockPlugin, type StockOutput } from './stockPlugin';
export type { OrderSummary, ReservationSummary, StockCall, StockLedger, StockRequestLine } from './StockLedger';
