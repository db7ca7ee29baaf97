import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMeasure } from './kpiFormat';
import type { DealerKpis, KpiMeasureInfo } from './kpiTypes';

/** Plan and fact of one measure for every dealer shown: horizontal bars, so dealer names stay readable on a phone. */
function MeasureChart({ info, dealers }: { info: KpiMeasureInfo; dealers: DealerKpis[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const data = dealers.map((d) => ({ name: d.dealerName, plan: d.measures[info.id].plan, fact: d.measures[info.id].fact }));
  const format = (value: unknown) => formatMeasure(typeof value === 'number' ? value : null, info, t, language);
  const title = t(`kpi.measure.${info.id}`);
  return (
    <figure className="kpi-chart" data-testid={`kpi-chart-${info.id}`} aria-label={title}>
      <figcaption className="kpi-chart__title">
        {title}
        <span className="muted"> · {t(info.better === 'higher' ? 'kpi.higherBetter' : 'kpi.lowerBetter')}</span>
      </figcaption>
      <ResponsiveContainer width="100%" height={Math.max(140, 56 * data.length + 60)}>
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 4 }} barGap={2}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tickFormatter={format} tick={{ fontSize: 11 }} allowDecimals={info.unit !== 'count'} />
          <YAxis type="category" dataKey="name" width={130} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(value, name) => [format(value), name]} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="plan" name={t('kpi.plan')} fill="#c5ccd8" isAnimationActive={false} />
          <Bar dataKey="fact" name={t('kpi.fact')} fill="#1f5fa8" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** One plan-vs-fact chart per measure, in a grid that becomes one column on a phone. */
export function KpiCharts({ measures, dealers }: { measures: KpiMeasureInfo[]; dealers: DealerKpis[] }) {
  return (
    <div className="kpi-charts">
      {measures.map((info) => <MeasureChart key={info.id} info={info} dealers={dealers} />)}
    </div>
  );
}

export default KpiCharts;
