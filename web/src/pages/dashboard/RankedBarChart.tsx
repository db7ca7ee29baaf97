import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { chartColors } from './chartColors';

/** One bar: what it counts and how many. */
export interface RankedBar {
  key: string;
  label: string;
  value: number;
}

const ROW_HEIGHT = 34;

/** Horizontal bars, largest first, each labelled with its count: open tasks per process or per dealer. */
export function RankedBarChart({ bars, seriesName, format }: { bars: RankedBar[]; seriesName: string; format: (value: number) => string }) {
  return (
    <ResponsiveContainer width="100%" height={Math.max(120, bars.length * ROW_HEIGHT + 40)}>
      <BarChart data={bars} layout="vertical" margin={{ top: 4, right: 40, bottom: 4, left: 4 }}>
        <CartesianGrid horizontal={false} stroke={chartColors.grid} />
        <XAxis type="number" allowDecimals={false} tickFormatter={format} stroke={chartColors.text} fontSize={12} />
        <YAxis type="category" dataKey="label" width={150} stroke={chartColors.text} fontSize={12} tickFormatter={(label: string) => (label.length > 22 ? `${label.slice(0, 21)}…` : label)} />
        <Tooltip formatter={(value) => [format(Number(value)), seriesName]} />
        <Bar dataKey="value" name={seriesName} fill={chartColors.primary} isAnimationActive={false} barSize={18}>
          <LabelList dataKey="value" position="right" formatter={(value) => format(Number(value))} fontSize={12} fill={chartColors.text} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
