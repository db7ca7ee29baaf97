import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemsResponse } from '../../api/types';
import { useApiResource } from '../../api/useApiResource';
import type { CaseFilters } from './useCaseSearch';

const empty: CaseFilters = { ref: '', vin: '', customer: '', processId: '', state: '', dealerId: '', from: '', to: '' };

/** The Cases page's search: reference, VIN and customer (each by its beginning), process, state, dealer and dates. */
export function CaseFilterBar({ filters, dealers, onChange }: { filters: CaseFilters; dealers: Map<string, string>; onChange: (filters: CaseFilters) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(filters);
  const [shown, setShown] = useState(false);
  useEffect(() => setDraft(filters), [filters]);
  const processes = useApiResource<ItemsResponse<{ bpmnProcessId: string; name: string }>>('/api/cases/processes').resource;
  const set = (change: Partial<CaseFilters>) => setDraft((current) => ({ ...current, ...change }));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    onChange(draft);
  };
  const text = (name: 'ref' | 'vin' | 'customer', extra: object = {}) => (
    <label className="filter-bar__field">
      <span>{t(`cases.filters.${name}`)}</span>
      <input type="search" name={name} value={draft[name]} onChange={(event) => set({ [name]: event.target.value })} placeholder={t(`cases.filters.${name}Hint`)} {...extra} />
    </label>
  );
  return (
    <>
    <button type="button" className="button button--secondary filters-toggle" aria-expanded={shown} aria-controls="case-filters" onClick={() => setShown((open) => !open)}>
      {t(shown ? 'cases.filters.hide' : 'cases.filters.show')}
    </button>
    <form id="case-filters" className={shown ? 'filter-bar case-filters filter-bar--shown' : 'filter-bar case-filters'} role="search" aria-label={t('cases.filters.label')} onSubmit={apply} data-testid="case-filters">
      {text('ref', { autoCapitalize: 'characters' })}
      {text('vin', { autoCapitalize: 'characters', maxLength: 17 })}
      {text('customer')}
      <label className="filter-bar__field">
        <span>{t('cases.filters.process')}</span>
        <select name="processId" value={draft.processId} onChange={(event) => set({ processId: event.target.value })}>
          <option value="">{t('cases.filters.any')}</option>
          {processes.status === 'ready' && processes.data.items.map((p) => <option key={p.bpmnProcessId} value={p.bpmnProcessId}>{t(`cases.processes.${p.bpmnProcessId}`, { defaultValue: p.name })}</option>)}
        </select>
      </label>
      <label className="filter-bar__field">
        <span>{t('cases.filters.state')}</span>
        <select name="state" value={draft.state} onChange={(event) => set({ state: event.target.value })}>
          <option value="">{t('cases.filters.any')}</option>
          {(['active', 'completed', 'terminated'] as const).map((state) => <option key={state} value={state}>{t(`cases.state.${state}`)}</option>)}
        </select>
      </label>
      {dealers.size > 1 && (
        <label className="filter-bar__field">
          <span>{t('cases.filters.dealer')}</span>
          <select name="dealerId" value={draft.dealerId} onChange={(event) => set({ dealerId: event.target.value })}>
            <option value="">{t('cases.filters.anyDealer')}</option>
            {[...dealers].map(([id, name]) => <option key={id} value={id}>{name}</option>)}
          </select>
        </label>
      )}
      <label className="filter-bar__field filter-bar__field--narrow">
        <span>{t('cases.filters.from')}</span>
        <input type="date" name="from" value={draft.from} max={draft.to || undefined} onChange={(event) => set({ from: event.target.value })} />
      </label>
      <label className="filter-bar__field filter-bar__field--narrow">
        <span>{t('cases.filters.to')}</span>
        <input type="date" name="to" value={draft.to} min={draft.from || undefined} onChange={(event) => set({ to: event.target.value })} />
      </label>
      <button type="submit" className="button">{t('cases.filters.search')}</button>
      <button type="button" className="button button--ghost" onClick={() => onChange(empty)}>{t('cases.filters.reset')}</button>
    </form>
    </>
  );
}
