import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { chartColors } from './chartColors';
import type { DashboardSummary } from '@dealerflow/contract';

/** Instances started and completed per day: two lines with a point for every day of the window. */
export function ThroughputChart({ days, language, labels }: { days: DashboardSummary['throughput']; language: string; labels: { started: string; completed: string } }) {
  const dayFormat = new Intl.DateTimeFormat(language, { day: '2-digit', month: '2-digit', timeZone: 'UTC' });
  const longFormat = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' });
  const numbers = new Intl.NumberFormat(language);
  const at = (day: string) => new Date(`${day}T00:00:00Z`);
  return (
    <ResponsiveContainer width="100%" height={260}>
      <LineChart data={days} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
        <CartesianGrid vertical={false} stroke={chartColors.grid} />
        <XAxis dataKey="day" tickFormatter={(day: string) => dayFormat.format(at(day))} stroke={chartColors.text} fontSize={12} minTickGap={16} />
        <YAxis allowDecimals={false} tickFormatter={(value: number) => numbers.format(value)} stroke={chartColors.text} fontSize={12} width={40} />
        <Tooltip labelFormatter={(day) => longFormat.format(at(String(day)))} formatter={(value, name) => [numbers.format(Number(value)), name]} />
        <Legend wrapperStyle={{ fontSize: 12 }} formatter={(name) => <span className="dashboard-legend">{name}</span>} />
        <Line type="linear" dataKey="started" name={labels.started} stroke={chartColors.primary} strokeWidth={2} dot={{ r: 2.5 }} isAnimationActive={false} />
        <Line type="linear" dataKey="completed" name={labels.completed} stroke={chartColors.done} strokeWidth={2} dot={{ r: 2.5 }} isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}
