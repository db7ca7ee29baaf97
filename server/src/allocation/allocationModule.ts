import { Stock1734100000000 } from './1734100000000-Stock';
import { StockRules1734100000002 } from './1734100000002-StockRules';
import { defineModule } from '../modules/FeatureModule';
import { AllocationService } from './AllocationService';
import { allocationRoutes } from './allocationRoutes';
import { releaseStockOnTermination } from './releaseStockOnTermination';
import { Reservation } from './Reservation';
import { SqlStockLedger } from './SqlStockLedger';
import { StockImportService } from './stockImport/StockImportService';
import { stockImportRoutes } from './stockImport/stockImportRoutes';
import { StockVehicle } from './StockVehicle';
import { VehicleOrder } from './VehicleOrder';

/** Vehicle allocation: free stock and its import, reservations, orders, and stock released when a request ends. */
export const allocationModule = defineModule({
  name: 'allocation',
  entities: [StockVehicle, Reservation, VehicleOrder],
  migrations: [Stock1734100000000, StockRules1734100000002],
  needs: ['audit'],
  makes: ['allocation', 'stockImport'],
  services: ({ dataSource, engine, audit }) => ({ allocation: new AllocationService(dataSource, engine, audit), stockImport: new StockImportService(dataSource, audit) }),
  fileRoutes: (s) => [stockImportRoutes(s.stockImport)],
  routes: (s) => [allocationRoutes(s.allocation)],
  feed: (s) => [releaseStockOnTermination(new SqlStockLedger(s.dataSource))],
});
