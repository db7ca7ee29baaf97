import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskFilters } from './useTaskList';

/** The inbox's filter bar: state, whose tasks, text search and sort order. */
export function InboxFilters({ filters, onChange }: { filters: TaskFilters; onChange: (filters: TaskFilters) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState(filters.q);
  const search = (event: FormEvent) => {
    event.preventDefault();
    onChange({ ...filters, q });
  };
  return (
    <form className="filter-bar" role="search" onSubmit={search}>
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
  );
}
