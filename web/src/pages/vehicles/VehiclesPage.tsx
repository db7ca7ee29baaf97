import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { useSignedInSession } from '../../session/useSignedInSession';
import { useDealerNames } from '../useDealerNames';
import { ExposurePanel } from './ExposurePanel';
import { OrdersPanel } from './OrdersPanel';
import { ReservationsPanel } from './ReservationsPanel';
import { StockPanel } from './StockPanel';

/** Vehicles: free stock, reservations with their countdown, orders, and (for finance and dealer managers) the dealer's exposure. */
export function VehiclesPage() {
  const { t } = useTranslation();
  const { user, ability } = useSignedInSession();
  const names = useDealerNames();
  const dealerName = (id: string) => names.get(id) ?? id;
  const exposureDealers: [string, string][] = user.dealerId ? [[user.dealerId, dealerName(user.dealerId)]] : [...names.entries()];
  const showExposure = ability.can('read', 'DealerExposure') && exposureDealers.length > 0;
  return (
    <>
      <PageHeader title={t('vehicles.title')} description={t('vehicles.description')} />
      {showExposure && <ExposurePanel key={exposureDealers[0][0]} dealers={exposureDealers} initialDealer={exposureDealers[0][0]} canBook={ability.can('create', 'LedgerEntry')} />}
      <ReservationsPanel dealerName={dealerName} />
      <OrdersPanel dealerName={dealerName} />
      <StockPanel canImport={ability.can('create', 'StockVehicle')} />
    </>
  );
}
