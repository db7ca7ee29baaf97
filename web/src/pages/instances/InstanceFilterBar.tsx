import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dealer, ItemsResponse, StartableProcess } from '../../api/types';
import { useApiResource } from '../../api/useApiResource';
import { noFilters, type InstanceFilters } from './useInstanceList';

/** The instance list's filter bar: process, version, state, dealer, incidents. */
export function InstanceFilterBar({ filters, onChange }: { filters: InstanceFilters; onChange: (filters: InstanceFilters) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(filters);
  const processes = useApiResource<ItemsResponse<StartableProcess>>('/api/processes').resource;
  const dealers = useApiResource<ItemsResponse<Dealer>>('/api/dealers').resource;
  const set = (change: Partial<InstanceFilters>) => setDraft((current) => ({ ...current, ...change }));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    onChange(draft);
  };
  const reset = () => {
    setDraft(noFilters);
    onChange(noFilters);
  };
  return (
    <form className="filter-bar instance-filters" role="search" aria-label={t('instances.filters.label')} onSubmit={apply} data-testid="instance-filters">
      <label className="filter-bar__field">
        <span>{t('instances.filters.process')}</span>
        <select value={draft.processId} onChange={(event) => set({ processId: event.target.value })}>
          <option value="">{t('instances.filters.any')}</option>
          {processes.status === 'ready' && processes.data.items.map((p) => <option key={p.bpmnProcessId} value={p.bpmnProcessId}>{p.name}</option>)}
        </select>
      </label>
      <label className="filter-bar__field filter-bar__field--narrow">
        <span>{t('instances.filters.version')}</span>
        <input type="number" min={1} inputMode="numeric" value={draft.version} onChange={(event) => set({ version: event.target.value })} />
      </label>
      <label className="filter-bar__field">
        <span>{t('instances.filters.state')}</span>
        <select value={draft.state} onChange={(event) => set({ state: event.target.value as InstanceFilters['state'] })}>
          <option value="">{t('instances.filters.any')}</option>
          <option value="active">{t('instances.state.active')}</option>
          <option value="completed">{t('instances.state.completed')}</option>
          <option value="terminated">{t('instances.state.terminated')}</option>
        </select>
      </label>
      <label className="filter-bar__field">
        <span>{t('instances.filters.dealer')}</span>
        <select value={draft.dealerId} onChange={(event) => set({ dealerId: event.target.value })}>
          <option value="">{t('instances.filters.any')}</option>
          {dealers.status === 'ready' && dealers.data.items.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
        </select>
      </label>
      <label className="filter-bar__field">
        <span>{t('instances.filters.incidents')}</span>
        <select value={draft.hasIncident} onChange={(event) => set({ hasIncident: event.target.value as InstanceFilters['hasIncident'] })}>
          <option value="">{t('instances.filters.any')}</option>
          <option value="true">{t('instances.filters.withIncident')}</option>
          <option value="false">{t('instances.filters.withoutIncident')}</option>
        </select>
      </label>
      <button type="submit" className="button button--secondary">{t('instances.filters.apply')}</button>
      <button type="button" className="button button--ghost" onClick={reset}>{t('instances.filters.reset')}</button>
    </form>
  );
}
