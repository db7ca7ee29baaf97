import { useTranslation } from 'react-i18next';
import { formatMeasure, planInputUnit, planMet } from './kpiFormat';
import type { DealerKpis, KpiMeasure, KpiMeasureInfo } from './kpiTypes';

/** The plan editor's typed values, by dealer and measure. */
export type PlanDraft = Record<string, Partial<Record<KpiMeasure, string>>>;

interface KpiTableProps {
  measures: KpiMeasureInfo[];
  dealers: DealerKpis[];
  /** When set, plans of editable dealers are inputs. */
  draft?: PlanDraft;
  onDraft?: (dealerId: string, measure: KpiMeasure, text: string) => void;
}

/** One dealer's measure: the fact, and under it the plan (or its input) and whether it was met. */
function MeasureCell({ dealer, info, draft, onDraft }: { dealer: DealerKpis; info: KpiMeasureInfo } & Pick<KpiTableProps, 'draft' | 'onDraft'>) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const cell = dealer.measures[info.id];
  const met = planMet(cell, info);
  return (
    <td data-measure={info.id} data-met={met === null ? undefined : String(met)}>
      <div className="kpi-fact" data-testid="kpi-fact">{formatMeasure(cell.fact, info, t, language)}</div>
      {draft !== undefined && dealer.editable ? (
        <label className="kpi-plan-input">
          {/* A label on the input itself: a hidden span inside a scrolled table would widen the page. */}
          <input type="text" inputMode="decimal" aria-label={t('kpi.planFor', { measure: t(`kpi.measure.${info.id}`), dealer: dealer.dealerName })} value={draft[dealer.dealerId]?.[info.id] ?? ''} onChange={(event) => onDraft?.(dealer.dealerId, info.id, event.target.value)} />
          <span className="muted">{t(`kpi.inputUnit.${planInputUnit(info)}`)}</span>
        </label>
      ) : (
        <div className="muted kpi-plan" data-testid="kpi-plan">
          {t('kpi.planShort', { value: formatMeasure(cell.plan, info, t, language) })}
          {met !== null && <span className={met ? 'kpi-mark kpi-mark--met' : 'kpi-mark kpi-mark--missed'}>{t(met ? 'kpi.met' : 'kpi.missed')}</span>}
        </div>
      )}
    </td>
  );
}

/**
 * Plan and fact of every measure. Several dealers: dealers down, measures across. One dealer (what
 * a dealer always sees): measures down, so it reads without scrolling sideways on a phone.
 */
export function KpiTable({ measures, dealers, draft, onDraft }: KpiTableProps) {
  const { t } = useTranslation();
  if (dealers.length === 1) {
    const [dealer] = dealers;
    return (
      <div className="table-wrap">
        <table className="data-table kpi-table kpi-table--single" data-testid="kpi-table" data-dealer={dealer.dealerId}>
          <caption className="kpi-table__dealer">{dealer.dealerName}</caption>
          <thead>
            <tr>
              <th scope="col">{t('kpi.columns.measure')}</th>
              <th scope="col">{t('kpi.columns.factAndPlan')}</th>
            </tr>
          </thead>
          <tbody>
            {measures.map((info) => (
              <tr key={info.id} data-dealer={dealer.dealerId}>
                <th scope="row">{t(`kpi.measure.${info.id}`)}</th>
                <MeasureCell dealer={dealer} info={info} draft={draft} onDraft={onDraft} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  return (
    <div className="table-wrap">
      <table className="data-table kpi-table" data-testid="kpi-table">
        <caption className="visually-hidden">{t('kpi.tableTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('kpi.columns.dealer')}</th>
            {measures.map((m) => <th key={m.id} scope="col">{t(`kpi.measure.${m.id}`)}</th>)}
          </tr>
        </thead>
        <tbody>
          {dealers.map((dealer) => (
            <tr key={dealer.dealerId} data-dealer={dealer.dealerId}>
              <th scope="row">{dealer.dealerName}</th>
              {measures.map((info) => <MeasureCell key={info.id} dealer={dealer} info={info} draft={draft} onDraft={onDraft} />)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
