import type { TFunction } from 'i18next';
import type { ExportColumn } from '../../export/writeWorkbook';
import type { LedgerLineView, OrderRow, ReservationRow, StockRow } from './vehicleTypes';

const money = '#,##0';

/** Stock columns in a workbook; the price only when the server sent it. */
export function stockExportColumns(t: TFunction, rows: StockRow[]): ExportColumn<StockRow>[] {
  const columns: ExportColumn<StockRow>[] = [
    { header: 'VIN', value: (v) => v.vin, width: 20 },
    { header: t('vehicles.columns.model'), value: (v) => v.model },
    { header: t('vehicles.columns.trim'), value: (v) => v.trim },
    { header: t('vehicles.columns.colour'), value: (v) => v.colour },
    { header: t('vehicles.columns.year'), value: (v) => v.year },
    { header: t('vehicles.columns.warehouse'), value: (v) => v.warehouse, width: 22 },
    { header: t('vehicles.columns.status'), value: (v) => t(`vehicles.status.${v.status}`) },
  ];
  if (rows.some((v) => v.price !== undefined)) columns.push({ header: t('vehicles.columns.price'), value: (v) => v.price ?? null, format: money, width: 16 });
  return columns;
}

/** Reservation columns; the amount only when the server sent it. */
export function reservationExportColumns(t: TFunction, rows: ReservationRow[], dealerName: (id: string) => string): ExportColumn<ReservationRow>[] {
  const columns: ExportColumn<ReservationRow>[] = [
    { header: t('vehicles.columns.case'), value: (r) => r.caseRef, width: 20 },
    { header: t('vehicles.columns.dealer'), value: (r) => dealerName(r.dealerId), width: 26 },
    { header: 'VIN', value: (r) => r.vin, width: 20 },
    { header: t('vehicles.columns.state'), value: (r) => t(`vehicles.reservationState.${r.state}`) },
    { header: t('vehicles.columns.expiresAt'), value: (r) => new Date(r.expiresAt), format: 'dd.mm.yyyy hh:mm', width: 18 },
  ];
  if (rows.some((r) => r.amount !== undefined)) columns.push({ header: t('vehicles.columns.amount'), value: (r) => r.amount ?? null, format: money, width: 16 });
  return columns;
}

/** Order columns; the amount only when the server sent it. */
export function orderExportColumns(t: TFunction, rows: OrderRow[], dealerName: (id: string) => string): ExportColumn<OrderRow>[] {
  const columns: ExportColumn<OrderRow>[] = [
    { header: t('vehicles.columns.order'), value: (o) => o.number },
    { header: t('vehicles.columns.dealer'), value: (o) => dealerName(o.dealerId), width: 26 },
    { header: t('vehicles.columns.case'), value: (o) => o.caseRef, width: 20 },
    { header: 'VIN', value: (o) => o.vins.join(', '), width: 40 },
    { header: t('vehicles.columns.orderStatus'), value: (o) => t(`vehicles.orderStatus.${o.status}`) },
    { header: t('vehicles.columns.createdAt'), value: (o) => new Date(o.createdAt), format: 'dd.mm.yyyy', width: 14 },
  ];
  if (rows.some((o) => o.amount !== undefined)) columns.push({ header: t('vehicles.columns.amount'), value: (o) => o.amount ?? null, format: money, width: 16 });
  return columns;
}

/** A dealer's debt documents: payments and credit notes as negative amounts, so the column sums to the debt they explain. */
export function ledgerExportColumns(t: TFunction): ExportColumn<LedgerLineView>[] {
  return [
    { header: t('vehicles.ledger.bookedAt'), value: (l) => new Date(l.bookedAt), format: 'dd.mm.yyyy', width: 14 },
    { header: t('vehicles.ledger.kind'), value: (l) => t(`vehicles.ledger.kinds.${l.kind}`), width: 24 },
    { header: t('vehicles.ledger.reference'), value: (l) => l.reference, width: 20 },
    { header: t('vehicles.ledger.amount'), value: (l) => (l.kind === 'invoice' ? l.amount : -l.amount), format: money, width: 16 },
  ];
}
