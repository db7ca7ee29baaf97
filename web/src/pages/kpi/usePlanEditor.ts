import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFetch } from '../../api/apiFetch';
import { describeError } from '../../api/describeError';
import { fromInput, toInput } from './kpiFormat';
import type { PlanDraft } from './KpiTable';
import type { KpiMeasure, KpiReport } from './kpiTypes';

/** The plan editor: opens with the current targets, sends only what changed as one `PUT /api/kpi/plans`. */
export function usePlanEditor(report: KpiReport | null, onSaved: () => void) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<PlanDraft | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'saved'; text: string } | null>(null);

  const open = () => {
    if (!report) return;
    setMessage(null);
    setDraft(Object.fromEntries(report.dealers.filter((d) => d.editable).map((d) => [d.dealerId, Object.fromEntries(report.measures.map((info) => [info.id, toInput(d.measures[info.id].plan, info)]))])));
  };
  const change = (dealerId: string, measure: KpiMeasure, text: string) => {
    setMessage(null);
    setDraft((current) => ({ ...current, [dealerId]: { ...current?.[dealerId], [measure]: text } }));
  };

  const save = async () => {
    if (!report || !draft) return;
    const plans: { dealerId: string; measure: KpiMeasure; target: number | null }[] = [];
    for (const dealer of report.dealers.filter((d) => d.editable)) {
      for (const info of report.measures) {
        const target = fromInput(draft[dealer.dealerId]?.[info.id] ?? '', info);
        if (target !== null && Number.isNaN(target)) {
          setMessage({ kind: 'error', text: t('kpi.badTarget', { measure: t(`kpi.measure.${info.id}`), dealer: dealer.dealerName }) });
          return;
        }
        if (target !== dealer.measures[info.id].plan) plans.push({ dealerId: dealer.dealerId, measure: info.id, target });
      }
    }
    if (plans.length === 0) {
      setDraft(undefined);
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      await apiFetch('/api/kpi/plans', { method: 'PUT', body: { month: report.month, plans } });
      setDraft(undefined);
      setMessage({ kind: 'saved', text: t('kpi.saved', { count: plans.length }) });
      onSaved();
    } catch (error) {
      setMessage({ kind: 'error', text: describeError(t, error) });
    } finally {
      setBusy(false);
    }
  };

  return { draft, busy, message, open, change, save, cancel: () => setDraft(undefined) };
}
