/** The demo distributor network (DESIGN.md "Demo data"); every password is `demo`. */
export const demoPassword = 'demo';

/** Three dealers in three regions; territory codes are regions (digits, as on number plates) and cities. The Moscow region (50) is shared: its leads go to the better-rated dealer first. */
export const demoDealers = [
  { id: 'dealer1', name: 'Автоцентр Москва', region: 'Москва', territoryCodes: ['77', '50', '69', 'MOW'], rating: 4.6, creditLimit: 50_000_000 },
  { id: 'dealer2', name: 'Автоцентр Казань', region: 'Татарстан', territoryCodes: ['16', '12', '21', '50', 'KZN'], rating: 4.2, creditLimit: 25_000_000 },
  { id: 'dealer3', name: 'Автоцентр Новосибирск', region: 'Новосибирская область', territoryCodes: ['54', '42', '22', 'OVB'], rating: 3.9, creditLimit: 20_000_000 },
];

/** One user per line of the README's demo table. */
export const demoUsers = [
  { username: 'admin', displayName: 'Ирина Админова', dealerId: null, roles: ['process-admin'], groups: [], locale: 'ru' },
  { username: 'approver.warranty', displayName: 'Олег Гарантийный', dealerId: null, roles: ['distributor-approver'], groups: ['warranty'], locale: 'ru' },
  { username: 'approver.sales', displayName: 'Мария Продажина', dealerId: null, roles: ['distributor-approver'], groups: ['sales'], locale: 'ru' },
  { username: 'approver.finance', displayName: 'Павел Финансов', dealerId: null, roles: ['distributor-approver'], groups: ['finance'], locale: 'ru' },
  { username: 'dealer1.manager', displayName: 'Андрей Руководов', dealerId: 'dealer1', roles: ['dealer-manager'], groups: [], locale: 'ru' },
  { username: 'dealer1.staff', displayName: 'Светлана Мастерова', dealerId: 'dealer1', roles: ['dealer-staff'], groups: [], locale: 'ru' },
  { username: 'dealer2.manager', displayName: 'Рустам Галиев', dealerId: 'dealer2', roles: ['dealer-manager'], groups: [], locale: 'ru' },
  { username: 'dealer2.staff', displayName: 'Алсу Сафина', dealerId: 'dealer2', roles: ['dealer-staff'], groups: [], locale: 'ru' },
  { username: 'dealer3.staff', displayName: 'Дмитрий Сибиряков', dealerId: 'dealer3', roles: ['dealer-staff'], groups: [], locale: 'ru' },
  { username: 'auditor', displayName: 'Елена Проверкина', dealerId: null, roles: ['auditor'], groups: [], locale: 'en' },
  { username: 'brand.site', displayName: 'Сайт бренда', dealerId: null, roles: ['integration'], groups: [], locale: 'ru' },
];

/** Factory warranty by model. */
export const demoWarrantyTerms = [
  { model: 'Aurora Sedan', months: 36, mileageKm: 100_000 },
  { model: 'Taiga Crossover', months: 60, mileageKm: 150_000 },
  { model: 'Volga Van', months: 24, mileageKm: 80_000 },
];

/** Sold vehicles: some young, some past their limits, one in a campaign. */
export const demoVehicles = [
  { vin: 'XW8AN2NE3PH000101', model: 'Aurora Sedan', modelYear: 2024, saleDate: '2024-05-20', dealerId: 'dealer1' },
  { vin: 'XW8AN2NE3PH000102', model: 'Aurora Sedan', modelYear: 2022, saleDate: '2022-03-11', dealerId: 'dealer1' },
  { vin: 'XW8TC4KF5RH000201', model: 'Taiga Crossover', modelYear: 2025, saleDate: '2025-02-03', dealerId: 'dealer1' },
  { vin: 'XW8TC4KF5RH000202', model: 'Taiga Crossover', modelYear: 2023, saleDate: '2023-08-30', dealerId: 'dealer2' },
  { vin: 'XW8AN2NE3PH000103', model: 'Aurora Sedan', modelYear: 2025, saleDate: '2025-09-14', dealerId: 'dealer2' },
  { vin: 'XW8VV7AB1NH000301', model: 'Volga Van', modelYear: 2023, saleDate: '2023-01-25', dealerId: 'dealer3' },
  { vin: 'XW8VV7AB1NH000302', model: 'Volga Van', modelYear: 2025, saleDate: '2025-04-07', dealerId: 'dealer3' },
];

/** Service campaigns: one open for all crossovers, one closed. */
export const demoCampaigns = [
  { code: 'SC-2026-04', title: 'Замена топливного насоса', model: 'Taiga Crossover', vins: null, defectCodes: ['P0087', 'P0230'], openUntil: '2027-06-30' },
  { code: 'SC-2024-11', title: 'Обновление ПО блока ABS', model: 'Aurora Sedan', vins: ['XW8AN2NE3PH000102'], defectCodes: ['C0035'], openUntil: '2025-05-31' },
];
