import type { DataSource } from 'typeorm';
import type { CurrentUser } from '../auth/CurrentUser';
import { ForbiddenError } from '../errors/AppError';
import { cycleTimes } from './cycleTimes';
import type { DashboardSummary } from './DashboardSummary';
import { deployedProcesses } from './deployedProcesses';
import { openTasksByDealer, openTasksByProcess } from './openTasks';
import { slaBreaches } from './slaBreaches';
import { throughput } from './throughput';

/** The days the dashboard's time-bound figures look back over. */
export const DASHBOARD_WINDOW_DAYS = 30;
const DAY_MS = 86_400_000;

/**
 * The process admin's overview: workload, SLA breaches, cycle times and throughput, each one SQL
 * aggregate. The figures add up every dealer's cases, so only a rule to read the dashboard with no
 * conditions opens it.
 */
export class DashboardService {
  constructor(private readonly dataSource: DataSource, private readonly clock: () => Date = () => new Date()) {}

  /** The overview as of now; 403 for anyone not granted `read Dashboard` across every dealer. */
  async summary(user: CurrentUser): Promise<DashboardSummary> {
    const rules = user.ability.rulesFor('read', 'Dashboard');
    if (user.ability.cannot('read', 'Dashboard') || rules.some((rule) => rule.conditions)) throw new ForbiddenError('Only process admins see the dashboard');
    const now = this.clock();
    const since = new Date(now.getTime() - DASHBOARD_WINDOW_DAYS * DAY_MS);
    const [processes, byProcess, byDealer, breaches, cycles, days] = await Promise.all([
      deployedProcesses(this.dataSource),
      openTasksByProcess(this.dataSource),
      openTasksByDealer(this.dataSource),
      slaBreaches(this.dataSource, since, now),
      cycleTimes(this.dataSource, since, now),
      throughput(this.dataSource, now, DASHBOARD_WINDOW_DAYS),
    ]);
    return {
      generatedAt: now.toISOString(),
      windowDays: DASHBOARD_WINDOW_DAYS,
      processes,
      openTasksByProcess: byProcess,
      openTasksByDealer: byDealer,
      slaBreaches: breaches,
      cycleTimes: cycles,
      throughput: days,
    };
  }
}
