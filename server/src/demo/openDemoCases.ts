import type { Logger } from 'pino';
import { UserDirectory } from '../auth/UserDirectory';
import { User } from '../entities/User';
import type { Services } from '../services';
import { Task } from '../tasks/Task';
import { openDemoLeads } from '../leads/openDemoLeads';
import { demoNotice, demoTenders } from './demoTenders';

const claim = (vin: string, mileage: number, defectCode: string, description: string, price: number, labourHours: number) => ({
  vin, mileage, repairDate: '2026-11-18', defectCode, defectDescription: description,
  parts: [{ partNumber: `P-${defectCode}`, name: description.split(' ')[0], quantity: 1, price }], labourHours,
});

/** Demo warranty claims in several dealers, left at different steps. */
const demoClaims = [
  { starter: 'dealer1.staff', variables: claim('XW8AN2NE3PH000101', 41200, 'B1001', 'Стеклоподъёмник водительской двери не работает', 48900, 1.5) },
  { starter: 'dealer1.staff', variables: claim('XW8TC4KF5RH000201', 18000, 'E2210', 'Предохранитель цепи фар перегорает повторно', 350, 0.5) },
  { starter: 'dealer2.staff', variables: claim('XW8TC4KF5RH000202', 162000, 'P0087', 'Низкое давление в топливной рампе', 61200, 3) },
  { starter: 'dealer2.staff', variables: claim('XW8AN2NE3PH000103', 12500, 'C1120', 'Стук в передней подвеске на неровностях', 27400, 2.5), askForInfo: true },
  { starter: 'dealer3.staff', variables: claim('XW8VV7AB1NH000301', 95000, 'B2750', 'Не закрывается сдвижная дверь', 38800, 2) },
  // One case per dealer waits for the dealer's answer, so every dealer inbox has work.
  { starter: 'dealer1.staff', variables: claim('XW8TC4KF5RH000201', 26300, 'D3305', 'Не работает подогрев сиденья водителя', 34600, 1), askForInfo: true },
  { starter: 'dealer3.staff', variables: claim('XW8VV7AB1NH000302', 31800, 'H4102', 'Течь охлаждающей жидкости из-под помпы', 35900, 2.5), askForInfo: true },
];

/** Waits until the case waits for a person (its open task) or has finished; null after ten seconds. */
async function settle(services: Services, processInstanceKey: string): Promise<Task | 'completed' | null> {
  for (let i = 0; i < 100; i++) {
    const task = await services.dataSource.getRepository(Task).findOneBy({ processInstanceKey, state: 'open' });
    if (task) return task;
    if ((await services.engine.getInstance(processInstanceKey)).state !== 'ACTIVE') return 'completed';
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return null;
}

/** Opens the demo cases through the same services people use, so every inbox has work on first start. */
export async function openDemoCases(services: Services, logger: Logger): Promise<void> {
  const directory = new UserDirectory(services.dataSource);
  const as = async (username: string) => directory.withAbility(await services.dataSource.getRepository(User).findOneByOrFail({ username }));
  for (const demo of demoClaims) {
    const { instanceKey, caseRef } = await services.processes.start(await as(demo.starter), 'warranty-claim', demo.variables);
    const step = await settle(services, instanceKey);
    if (step === null) logger.warn({ caseRef }, 'demo case did not settle');
    if (!demo.askForInfo || !(step instanceof Task)) continue;
    await services.tasks.complete(await as('approver.warranty'), step.key, { decision: 'requestInfo', decisionReason: 'Приложите видео стука и акт диагностики' });
    await settle(services, instanceKey);
  }
  for (const demo of demoTenders) {
    const starter = await as(demo.starter);
    const notice = await services.uploads.stage(starter, { fileName: 'Извещение о закупке.pdf', contentType: 'application/pdf', bytes: demoNotice });
    const { instanceKey, caseRef } = await services.processes.start(starter, 'tender-reservation', { ...demo.variables, documents: [{ id: notice.id, fileName: notice.fileName }] });
    const step = await settle(services, instanceKey);
    if (!(step instanceof Task)) logger.warn({ caseRef }, 'demo tender did not reach verification');
    else if (demo.lock) {
      await services.tasks.complete(await as('approver.sales'), step.key, { decision: 'approve', lockDays: 30, decisionReason: 'Извещение и письмо заказчика проверены' });
      await settle(services, instanceKey);
    }
  }
  logger.info({ cases: demoClaims.length + demoTenders.length }, 'demo cases opened');
  await openDemoLeads(services, logger);
}
