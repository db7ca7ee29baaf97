import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { chartColors } from './chartColors';

/** One series of a grouped bar chart: which field of a row it draws, its name and colour. */
export interface BarSeries {
  dataKey: string;
  name: string;
  color: string;
}

const GROUP_HEIGHT = 48;

/** Horizontal bars in groups, one group per row (a process), one bar per series: SLA breaches, cycle times. */
export function GroupedBarChart({ rows, series, format, counts = false }: { rows: ({ label: string } & Record<string, string | number>)[]; series: BarSeries[]; format: (value: number) => string; counts?: boolean }) {
  return (
    <ResponsiveContainer width="100%" height={Math.max(140, rows.length * GROUP_HEIGHT + 70)}>
      <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 4 }} barGap={2}>
        <CartesianGrid horizontal={false} stroke={chartColors.grid} />
        <XAxis type="number" allowDecimals={!counts} tickFormatter={format} stroke={chartColors.text} fontSize={12} />
        <YAxis type="category" dataKey="label" width={150} stroke={chartColors.text} fontSize={12} tickFormatter={(label: string) => (label.length > 22 ? `${label.slice(0, 21)}…` : label)} />
        <Tooltip formatter={(value, name) => [format(Number(value)), name]} />
        <Legend wrapperStyle={{ fontSize: 12 }} formatter={(name) => <span className="dashboard-legend">{name}</span>} />
        {/* A sliver for zero, so a process with nothing late or a case done at once still shows its bar. */}
        {series.map((s) => <Bar key={s.dataKey} dataKey={s.dataKey} name={s.name} fill={s.color} isAnimationActive={false} barSize={14} minPointSize={2} />)}
      </BarChart>
    </ResponsiveContainer>
  );
}
