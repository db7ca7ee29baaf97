import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { StatusPanel } from '../../components/StatusPanel';
import { InboxFilters } from './InboxFilters';
import { TaskTable } from './TaskTable';
import { useTaskList, type TaskFilters } from './useTaskList';

/** The user's tasks: filters, sort, and "Load more" page by page. */
export function InboxPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<TaskFilters>({ state: 'open', assignee: 'all', q: '', sort: 'due' });
  const { items, nextCursor, status, error, loadMore, reload } = useTaskList(filters);
  const completed = (useLocation().state as { completed?: string } | null)?.completed;
  return (
    <>
      <PageHeader title={t('nav.inbox')} description={t('inbox.description')} />
      {completed && (
        <p className="notice notice--success" role="status" data-testid="inbox-notice">
          {t('inbox.completed', { name: completed })}
        </p>
      )}
      <InboxFilters filters={filters} onChange={setFilters} />
      {status === 'loading' && <StatusPanel kind="loading" title={t('status.loading')} />}
      {status === 'error' && <LoadError error={error} onRetry={reload} />}
      {(status === 'ready' || status === 'more') &&
        (items.length === 0 ? (
          <StatusPanel kind="empty" title={t('inbox.empty')} />
        ) : (
          <>
            <TaskTable tasks={items} />
            {nextCursor && (
              <div className="table-footer">
                <button type="button" className="button button--secondary" onClick={loadMore} disabled={status === 'more'}>
                  {status === 'more' ? t('status.loading') : t('inbox.loadMore')}
                </button>
              </div>
            )}
          </>
        ))}
    </>
  );
}
