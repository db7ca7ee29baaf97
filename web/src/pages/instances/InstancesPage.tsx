import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { StatusPanel } from '../../components/StatusPanel';
import { useDealerNames } from '../useDealerNames';
import { InstanceFilterBar } from './InstanceFilterBar';
import { InstanceTable } from './InstanceTable';
import { noFilters, useInstanceList, type InstanceFilters } from './useInstanceList';
import './instances.css';

/** Every process instance the admin may monitor: filters, newest first, "Load more" page by page. */
export function InstancesPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<InstanceFilters>(noFilters);
  const { items, nextCursor, status, error, loadMore, reload } = useInstanceList(filters);
  const dealers = useDealerNames();
  return (
    <>
      <PageHeader title={t('nav.instances')} description={t('instances.description')} />
      <InstanceFilterBar filters={filters} onChange={setFilters} />
      {status === 'loading' && <StatusPanel kind="loading" title={t('status.loading')} />}
      {status === 'error' && <LoadError error={error} onRetry={reload} />}
      {(status === 'ready' || status === 'more') &&
        (items.length === 0 ? (
          <StatusPanel kind="empty" title={t('instances.empty')} />
        ) : (
          <>
            <InstanceTable instances={items} dealers={dealers} />
            {nextCursor && (
              <div className="table-footer">
                <button type="button" className="button button--secondary" onClick={loadMore} disabled={status === 'more'}>
                  {status === 'more' ? t('status.loading') : t('instances.loadMore')}
                </button>
              </div>
            )}
          </>
        ))}
    </>
  );
}
