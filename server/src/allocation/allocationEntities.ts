import { LedgerEntry } from '../finance/LedgerEntry';
import { Overdraft } from '../finance/Overdraft';
import { Reservation } from './Reservation';
import { StockVehicle } from './StockVehicle';
import { VehicleOrder } from './VehicleOrder';

/** The tables of vehicle allocation and dealer finance. */
export const allocationEntities = [StockVehicle, Reservation, VehicleOrder, LedgerEntry, Overdraft];
