import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemsResponse } from '../../api/types';
import { useApiResource } from '../../api/useApiResource';
import type { ApprovalFilters } from './useApprovalFilters';

const none: ApprovalFilters = { sort: '', dealerId: '', processId: '', coverage: '', minAmount: '' };

/** The queue's order (time left, amount, newest, dealer name) and filters (dealer, process, coverage, least amount). */
export function ApprovalFilterBar({ filters, dealers, onChange }: { filters: ApprovalFilters; dealers: Map<string, string>; onChange: (filters: ApprovalFilters) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(filters);
  useEffect(() => setDraft(filters), [filters]);
  const processes = useApiResource<ItemsResponse<{ bpmnProcessId: string; name: string }>>('/api/cases/processes').resource;
  const set = (change: Partial<ApprovalFilters>) => setDraft((current) => ({ ...current, ...change }));
  // Choosing an order or a filter applies it at once; the amount waits for Enter or the button.
  const choose = (change: Partial<ApprovalFilters>) => {
    set(change);
    onChange({ ...draft, ...change });
  };
  const apply = (event: FormEvent) => {
    event.preventDefault();
    onChange(draft);
  };
  return (
    <form className="filter-bar filter-bar--shown approval-filters" role="search" aria-label={t('approvals.filters.label')} onSubmit={apply} data-testid="approval-filters">
      <label className="filter-bar__field">
        <span>{t('approvals.filters.sort')}</span>
        <select value={draft.sort} onChange={(event) => choose({ sort: event.target.value as ApprovalFilters['sort'] })}>
          <option value="">{t('approvals.filters.byTimeLeft')}</option>
          <option value="amount">{t('approvals.filters.byAmount')}</option>
          <option value="created">{t('approvals.filters.byNewest')}</option>
          <option value="dealer">{t('approvals.filters.byDealer')}</option>
        </select>
      </label>
      <label className="filter-bar__field">
        <span>{t('approvals.columns.dealer')}</span>
        <select value={draft.dealerId} onChange={(event) => choose({ dealerId: event.target.value })}>
          <option value="">{t('approvals.filters.anyDealer')}</option>
          {[...dealers].map(([id, name]) => <option key={id} value={id}>{name}</option>)}
        </select>
      </label>
      <label className="filter-bar__field">
        <span>{t('approvals.filters.process')}</span>
        <select value={draft.processId} onChange={(event) => choose({ processId: event.target.value })}>
          <option value="">{t('approvals.filters.anyProcess')}</option>
          {processes.status === 'ready' && processes.data.items.map((p) => <option key={p.bpmnProcessId} value={p.bpmnProcessId}>{t(`cases.processes.${p.bpmnProcessId}`, { defaultValue: p.name })}</option>)}
        </select>
      </label>
      <label className="filter-bar__field">
        <span>{t('approvals.columns.coverage')}</span>
        <select value={draft.coverage} onChange={(event) => choose({ coverage: event.target.value as ApprovalFilters['coverage'] })}>
          <option value="">{t('approvals.filters.anyCoverage')}</option>
          <option value="covered">{t('approvals.filters.covered')}</option>
          <option value="notCovered">{t('approvals.filters.notCovered')}</option>
        </select>
      </label>
      <label className="filter-bar__field filter-bar__field--narrow">
        <span>{t('approvals.filters.minAmount')}</span>
        <input type="number" min={0} step={1000} inputMode="numeric" value={draft.minAmount} onChange={(event) => set({ minAmount: event.target.value })} />
      </label>
      <button type="submit" className="button button--secondary">{t('approvals.filters.apply')}</button>
      <button type="button" className="button button--ghost" onClick={() => onChange(none)}>{t('approvals.filters.reset')}</button>
    </form>
  );
}
