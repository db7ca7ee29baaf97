import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import type { Task } from '../../api/types';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { StatusPanel } from '../../components/StatusPanel';
import { ExportButton } from '../../export/ExportButton';
import { fetchAllPages } from '../../export/fetchAllPages';
import { LiveStatus } from '../../live/LiveStatus';
import { useTaskStream } from '../../live/useTaskStream';
import { InboxFilters } from './InboxFilters';
import { inboxExportColumns } from './inboxExport';
import { SavedViews } from './SavedViews';
import { TaskTable } from './TaskTable';
import { taskQueryParams, useTaskList, type TaskFilters } from './useTaskList';

/** The user's tasks: saved views, filters, sort, "Load more" page by page, live updates and export. */
export function InboxPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<TaskFilters>({ state: 'open', assignee: 'all', q: '', sort: 'due' });
  // Picking a saved view remounts the filter bar so its search box shows the view's text.
  const [picks, setPicks] = useState(0);
  const { items, nextCursor, status, error, loadMore, reload, refresh } = useTaskList(filters);
  const stream = useTaskStream(refresh);
  const completed = (useLocation().state as { completed?: string } | null)?.completed;
  const pickView = (next: TaskFilters) => {
    setFilters(next);
    setPicks((count) => count + 1);
  };
  return (
    <>
      <PageHeader
        title={t('nav.inbox')}
        description={t('inbox.description')}
        actions={<ExportButton<Task> fileName="inbox" sheetName={t('nav.inbox')} columns={inboxExportColumns(t)} fetchRows={() => fetchAllPages<Task>('/api/tasks', taskQueryParams(filters))} />}
      />
      {completed && (
        <p className="notice notice--success" role="status" data-testid="inbox-notice">
          {t('inbox.completed', { name: completed })}
        </p>
      )}
      <div className="list-toolbar">
        <SavedViews filters={filters} onPick={pickView} />
        <LiveStatus stream={stream} />
      </div>
      <InboxFilters key={picks} filters={filters} onChange={setFilters} />
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
