import type { TFunction } from 'i18next';
import type { ExportColumn } from '../../export/writeWorkbook';
import type { DealerKpis, KpiMeasureInfo } from './kpiTypes';

/** Excel formats by unit: durations as days-hours-minutes, shares as percentages. */
const formats = { count: '0', seconds: '[h]:mm:ss', ratio: '0.0%' } as const;
const excelValue = (value: number | null, info: KpiMeasureInfo) => (value === null ? null : info.unit === 'seconds' ? value / 86_400 : value);

/** One row per dealer, a plan and a fact column per measure, in the UI language and Excel's own number formats. */
export function kpiExportColumns(t: TFunction, measures: KpiMeasureInfo[]): ExportColumn<DealerKpis>[] {
  return [
    { header: t('kpi.columns.dealer'), value: (d) => d.dealerName, width: 26 },
    ...measures.flatMap((info): ExportColumn<DealerKpis>[] => [
      { header: `${t(`kpi.measure.${info.id}`)}: ${t('kpi.plan')}`, value: (d) => excelValue(d.measures[info.id].plan, info), format: formats[info.unit], width: 16 },
      { header: `${t(`kpi.measure.${info.id}`)}: ${t('kpi.fact')}`, value: (d) => excelValue(d.measures[info.id].fact, info), format: formats[info.unit], width: 16 },
    ]),
  ];
}
