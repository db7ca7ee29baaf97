import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { StatusPanel } from '../../components/StatusPanel';
import { useDealerNames } from '../useDealerNames';
import { CaseFilterBar } from './CaseFilterBar';
import { CaseTable } from './CaseTable';
import { useCaseFilters, useCaseSearch } from './useCaseSearch';

/** The cases a user may read (a dealer's own, or the whole network's), searched and newest first. */
export function CasesPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useCaseFilters();
  const dealers = useDealerNames();
  const { items, nextCursor, status, error, loadMore, reload } = useCaseSearch(filters);
  const searching = Object.values(filters).some(Boolean);
  return (
    <>
      <PageHeader title={t('nav.cases')} description={t(dealers.size === 1 ? 'cases.descriptionDealer' : 'cases.description')} />
      <CaseFilterBar filters={filters} dealers={dealers} onChange={setFilters} />
      {status === 'loading' && <StatusPanel kind="loading" title={t('status.loading')} />}
      {status === 'error' && <LoadError error={error} onRetry={reload} />}
      {(status === 'ready' || status === 'more') &&
        (items.length === 0 ? (
          <StatusPanel kind="empty" title={t(searching ? 'cases.noMatch' : 'cases.empty')} />
        ) : (
          <>
            <CaseTable cases={items} dealers={dealers} />
            {nextCursor && (
              <div className="table-footer">
                <button type="button" className="button button--secondary" onClick={loadMore} disabled={status === 'more'}>
                  {status === 'more' ? t('status.loading') : t('cases.loadMore')}
                </button>
              </div>
            )}
          </>
        ))}
    </>
  );
}
