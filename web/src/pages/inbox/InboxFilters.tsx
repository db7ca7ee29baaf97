import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskFilters } from './useTaskList';

/** The inbox's filter bar: state, whose tasks, text search and sort order. */
export function InboxFilters({ filters, onChange }: { filters: TaskFilters; onChange: (filters: TaskFilters) => void }) {
  const [shown, setShown] = useState(false);
  const { t } = useTranslation();
  const [q, setQ] = useState(filters.q);
  const search = (event: FormEvent) => {
    event.preventDefault();
    onChange({ ...filters, q });
  };
  return (
    <>
      {/* Only phones show the toggle; on a phone the filters stay folded until asked for. */}
      <button type="button" className="button button--secondary filters-toggle" aria-expanded={shown} aria-controls="inbox-filters" onClick={() => setShown((open) => !open)}>
        {t(shown ? 'inbox.filters.hide' : 'inbox.filters.show')}
      </button>
    <form id="inbox-filters" className={shown ? 'filter-bar filter-bar--shown' : 'filter-bar'} role="search" onSubmit={search}>
      <label className="filter-bar__field">
        <span>{t('inbox.filters.state')}</span>
        <select value={filters.state} onChange={(event) => onChange({ ...filters, state: event.target.value as TaskFilters['state'] })}>
          <option value="open">{t('inbox.state.open')}</option>
          <option value="completed">{t('inbox.state.completed')}</option>
          <option value="cancelled">{t('inbox.state.cancelled')}</option>
        </select>
      </label>
      <label className="filter-bar__field">
        <span>{t('inbox.filters.assignee')}</span>
        <select value={filters.assignee} onChange={(event) => onChange({ ...filters, assignee: event.target.value as TaskFilters['assignee'] })}>
          <option value="all">{t('inbox.assignee.all')}</option>
          <option value="me">{t('inbox.assignee.me')}</option>
          <option value="unassigned">{t('inbox.assignee.unassigned')}</option>
        </select>
      </label>
      <label className="filter-bar__field">
        <span>{t('inbox.filters.sort')}</span>
        <select value={filters.sort} onChange={(event) => onChange({ ...filters, sort: event.target.value as TaskFilters['sort'] })}>
          <option value="due">{t('inbox.sort.due')}</option>
          <option value="priority">{t('inbox.sort.priority')}</option>
          <option value="created">{t('inbox.sort.created')}</option>
        </select>
      </label>
      <label className="filter-bar__field filter-bar__field--grow">
        <span>{t('inbox.filters.search')}</span>
        <input type="search" value={q} placeholder={t('inbox.filters.searchPlaceholder')} onChange={(event) => setQ(event.target.value)} />
      </label>
      <button type="submit" className="button button--secondary">
        {t('inbox.filters.apply')}
      </button>
    </form>
    </>
  );
}
