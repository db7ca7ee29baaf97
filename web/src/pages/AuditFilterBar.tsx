import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemsResponse, UserView } from '../api/types';
import { useApiResource } from '../api/useApiResource';
import type { AuditFilters } from './useAuditTrail';

const empty: AuditFilters = { actor: '', action: '', caseRef: '', instanceKey: '', from: '', to: '' };
/** Action families and the single actions people ask about most, as the API filters them. */
const actions = ['instance', 'task', 'task.complete', 'task.claim', 'task.assign', 'comment', 'attachment', 'incident', 'stock', 'tender', 'lead', 'finance', 'message', 'auth', 'dealer', 'deployment', 'audit'];

/** The Audit page's filters: who (by name), what, which case (by reference) and between which days. */
export function AuditFilterBar({ filters, onChange }: { filters: AuditFilters; onChange: (filters: AuditFilters) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(filters);
  const [shown, setShown] = useState(false);
  useEffect(() => setDraft(filters), [filters]);
  const people = useApiResource<ItemsResponse<Pick<UserView, 'username' | 'displayName'>>>('/api/users').resource;
  const set = (change: Partial<AuditFilters>) => setDraft((current) => ({ ...current, ...change }));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    onChange(draft);
  };
  const sorted = people.status === 'ready' ? [...people.data.items].sort((a, b) => a.displayName.localeCompare(b.displayName)) : [];
  return (
    <>
      <button type="button" className="button button--secondary filters-toggle" aria-expanded={shown} aria-controls="audit-filters" onClick={() => setShown((open) => !open)}>
        {t('audit.filters.label')}
      </button>
      <form id="audit-filters" className={shown ? 'filter-bar filter-bar--shown' : 'filter-bar'} role="search" aria-label={t('audit.filters.label')} onSubmit={apply} data-testid="audit-filters">
        <label className="filter-bar__field">
          <span>{t('audit.filters.actor')}</span>
          <select name="actor" value={draft.actor} onChange={(event) => set({ actor: event.target.value })}>
            <option value="">{t('audit.filters.anyone')}</option>
            <option value="system">{t('audit.filters.system')}</option>
            {sorted.map((person) => <option key={person.username} value={person.username}>{person.displayName}</option>)}
          </select>
        </label>
        <label className="filter-bar__field">
          <span>{t('audit.filters.action')}</span>
          <select name="action" value={draft.action} onChange={(event) => set({ action: event.target.value })}>
            <option value="">{t('audit.filters.anyAction')}</option>
            {actions.map((action) => <option key={action} value={action}>{t(`audit.actions.${action}`)}</option>)}
          </select>
        </label>
        <label className="filter-bar__field">
          <span>{t('audit.filters.caseRef')}</span>
          <input type="search" name="caseRef" value={draft.caseRef} autoCapitalize="characters" placeholder={t('audit.filters.caseRefHint')}
            onChange={(event) => set({ caseRef: event.target.value, instanceKey: '' })} />
        </label>
        <label className="filter-bar__field filter-bar__field--narrow">
          <span>{t('audit.filters.from')}</span>
          <input type="date" name="from" value={draft.from} max={draft.to || undefined} onChange={(event) => set({ from: event.target.value })} />
        </label>
        <label className="filter-bar__field filter-bar__field--narrow">
          <span>{t('audit.filters.to')}</span>
          <input type="date" name="to" value={draft.to} min={draft.from || undefined} onChange={(event) => set({ to: event.target.value })} />
        </label>
        <button type="submit" className="button">{t('audit.filters.apply')}</button>
        <button type="button" className="button button--ghost" onClick={() => onChange(empty)}>{t('audit.filters.reset')}</button>
      </form>
    </>
  );
}
