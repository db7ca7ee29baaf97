import { useTranslation } from 'react-i18next';
import { useApiResource } from '../../api/useApiResource';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { StatusPanel } from '../../components/StatusPanel';
import { formatDateTime } from '../../format';
import { ChartCard } from './ChartCard';
import { chartColors } from './chartColors';
import { cycleUnit, inUnit } from './cycleUnit';
import { GroupedBarChart } from './GroupedBarChart';
import { ProcessList } from './ProcessList';
import { RankedBarChart } from './RankedBarChart';
import { ThroughputChart } from './ThroughputChart';
import type { DashboardSummary } from '@dealerflow/contract';
import './dashboard.css';

/** The process admin's home: workload, SLA breaches, cycle times, throughput, and the processes with their heatmaps. */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const { resource, reload } = useApiResource<DashboardSummary>('/api/dashboard');
  return (
    <>
      <PageHeader title={t('dashboard.title')} description={resource.status === 'ready' ? t('dashboard.description', { at: formatDateTime(resource.data.generatedAt, language) }) : undefined} />
      {resource.status === 'loading' && <StatusPanel kind="loading" title={t('status.loading')} />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' && <DashboardCharts summary={resource.data} language={language} />}
    </>
  );
}

function DashboardCharts({ summary, language }: { summary: DashboardSummary; language: string }) {
  const { t } = useTranslation();
  const numbers = new Intl.NumberFormat(language);
  const count = (value: number) => numbers.format(value);
  const names = new Map(summary.processes.map((p) => [p.bpmnProcessId, p.name]));
  const processName = (id: string) => t(`cases.processes.${id}`, { defaultValue: names.get(id) ?? id });
  const days = summary.windowDays;

  const unit = cycleUnit(Math.max(0, ...summary.cycleTimes.map((c) => c.p90Ms)));
  const cycleRows = summary.cycleTimes.map((c) => ({ label: processName(c.bpmnProcessId), median: inUnit(c.medianMs, unit), p90: inUnit(c.p90Ms, unit) }));
  const fraction = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
  const inCycleUnit = (value: number) => t(`dashboard.cycle.unit.${unit}`, { value: fraction.format(value) });
  const quiet = summary.throughput.every((d) => d.started === 0 && d.completed === 0);

  return (
    <div className="dashboard-grid">
      <ChartCard id="chart-open-by-process" title={t('dashboard.openByProcess.title')} empty={summary.openTasksByProcess.length === 0} emptyText={t('dashboard.openByProcess.empty')}>
        <RankedBarChart bars={summary.openTasksByProcess.map((r) => ({ key: r.bpmnProcessId, label: processName(r.bpmnProcessId), value: r.count }))} seriesName={t('dashboard.openTasks')} format={count} />
      </ChartCard>
      <ChartCard id="chart-open-by-dealer" title={t('dashboard.openByDealer.title')} note={t('dashboard.openByDealer.note')} empty={summary.openTasksByDealer.length === 0} emptyText={t('dashboard.openByDealer.empty')}>
        <RankedBarChart bars={summary.openTasksByDealer.map((r) => ({ key: r.dealerId, label: r.dealerName, value: r.count }))} seriesName={t('dashboard.openTasks')} format={count} />
      </ChartCard>
      <ChartCard id="chart-sla" title={t('dashboard.sla.title')} note={t('dashboard.sla.note', { count: days })} empty={summary.slaBreaches.length === 0} emptyText={t('dashboard.sla.empty', { count: days })}>
        <GroupedBarChart
          rows={summary.slaBreaches.map((r) => ({ label: processName(r.bpmnProcessId), overdueOpen: r.overdueOpen, breachedInWindow: r.breachedInWindow }))}
          series={[
            { dataKey: 'overdueOpen', name: t('dashboard.sla.overdueOpen'), color: chartColors.late },
            { dataKey: 'breachedInWindow', name: t('dashboard.sla.breached', { count: days }), color: chartColors.lateSoft },
          ]}
          format={count}
          counts
        />
      </ChartCard>
      <ChartCard id="chart-cycle" title={t('dashboard.cycle.title')} note={t('dashboard.cycle.note', { count: days })} empty={cycleRows.length === 0} emptyText={t('dashboard.cycle.empty', { count: days })}>
        <GroupedBarChart
          rows={cycleRows}
          series={[
            { dataKey: 'median', name: t('dashboard.cycle.median'), color: chartColors.primary },
            { dataKey: 'p90', name: t('dashboard.cycle.p90'), color: chartColors.secondary },
          ]}
          format={inCycleUnit}
        />
      </ChartCard>
      <ChartCard id="chart-throughput" wide title={t('dashboard.throughput.title', { count: days })} empty={quiet} emptyText={t('dashboard.throughput.empty', { count: days })}>
        <ThroughputChart days={summary.throughput} language={language} labels={{ started: t('dashboard.throughput.started'), completed: t('dashboard.throughput.completed') }} />
      </ChartCard>
      <ProcessList processes={summary.processes} label={(p) => processName(p.bpmnProcessId)} language={language} />
    </div>
  );
}
