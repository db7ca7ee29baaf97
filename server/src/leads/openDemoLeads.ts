import type { Logger } from 'pino';
import { UserDirectory } from '../auth/UserDirectory';
import { User } from '../entities/User';
import type { Services } from '../services';
import { Task } from '../tasks/Task';
import type { LeadIntakeRequest } from './LeadService';

/** Demo leads from the brand site: offered to dealers by each strategy, one already taken, so every dealer has one to answer. */
const demoLeads: (LeadIntakeRequest & { acceptAs?: string })[] = [
  { customerName: 'Ильдар Хасанов', phone: '+7 917 555-44-33', email: 'ildar@example.ru', regionCode: '16', model: 'Sportage', source: 'test-drive', externalId: 'demo-site-1001' },
  { customerName: 'Анна Кузнецова', phone: '+7 903 120-11-02', email: 'anna.k@example.ru', regionCode: '77', cityCode: 'MOW', model: 'K5', source: 'site', externalId: 'demo-site-1002' },
  { customerName: 'Павел Орлов', phone: '+7 916 700-20-30', regionCode: '50', model: 'Sorento', source: 'call-centre', externalId: 'demo-cc-2001' },
  { customerName: 'Марина Соболева', phone: '+7 913 400-50-60', email: 'marina@example.ru', regionCode: '54', model: 'Rio', source: 'test-drive', externalId: 'demo-site-1003', acceptAs: 'dealer3.staff' },
];

/** Opens the demo leads through the same service the intake route uses. */
export async function openDemoLeads(services: Services, logger: Logger): Promise<void> {
  const directory = new UserDirectory(services.dataSource);
  const as = async (username: string) => directory.withAbility(await services.dataSource.getRepository(User).findOneByOrFail({ username }));
  const site = await as('brand.site');
  for (const { acceptAs, ...lead } of demoLeads) {
    const { lead: row } = await services.leads.create(site, lead);
    if (!acceptAs || !row.processInstanceKey) continue;
    let offer: Task | null = null;
    for (let i = 0; i < 100 && !offer; i++) {
      offer = await services.dataSource.getRepository(Task).findOneBy({ processInstanceKey: row.processInstanceKey, elementId: 'AcceptLead', state: 'open' });
      if (!offer) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (offer) await services.tasks.complete(await as(acceptAs), offer.key, { leadDecision: 'accept' });
    else logger.warn({ caseRef: row.caseRef }, 'demo lead was not offered');
  }
  logger.info({ leads: demoLeads.length }, 'demo leads opened');
}
