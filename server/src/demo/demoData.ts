/** The demo distributor network (DESIGN.md "Demo data"); every password is `demo`. */
export const demoPassword = 'demo';

/** Three dealers in three regions. */
export const demoDealers = [
  { id: 'dealer1', name: 'Автоцентр Москва', region: 'Москва', territoryCodes: ['77', '50'], rating: 4.6, creditLimit: 50_000_000 },
  { id: 'dealer2', name: 'Автоцентр Казань', region: 'Татарстан', territoryCodes: ['16', '12', '21'], rating: 4.2, creditLimit: 25_000_000 },
  { id: 'dealer3', name: 'Автоцентр Новосибирск', region: 'Новосибирская область', territoryCodes: ['54', '42', '22'], rating: 3.9, creditLimit: 20_000_000 },
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
];
