/** The vehicle pages' shapes, as the API contract defines them (`amount` only for those who may see money). */
export type { DealerLedger as DealerLedgerView, Exposure as ExposureView, LedgerLine as LedgerLineView, ReservationRow, StockVehicle as StockRow, VehicleOrder as OrderRow } from '@dealerflow/contract';
