import { useTranslation } from 'react-i18next';
import type { Dealer, ItemsResponse } from '../api/types';
import { useApiResource } from '../api/useApiResource';
import { LoadError } from '../components/LoadError';
import { PageHeader } from '../components/PageHeader';
import { StatusPanel } from '../components/StatusPanel';
import { apiFetch } from '../api/apiFetch';
import { ExportButton } from '../export/ExportButton';
import { dealerExportColumns } from './dealersExport';
import { DealersTable } from './DealersTable';

/** The dealer network as far as the user may see it, fields masked by the server. */
export function DealersPage() {
  const { t } = useTranslation();
  const { resource, reload } = useApiResource<ItemsResponse<Dealer>>('/api/dealers');
  return (
    <>
      <PageHeader
        title={t('dealers.title')}
        description={t('dealers.description')}
        actions={
          resource.status === 'ready' && (
            <ExportButton<Dealer>
              fileName="dealers"
              sheetName={t('dealers.title')}
              columns={dealerExportColumns(t, resource.data.items)}
              fetchRows={async () => (await apiFetch<ItemsResponse<Dealer>>('/api/dealers')).items}
            />
          )
        }
      />
      {resource.status === 'loading' && <StatusPanel kind="loading" title={t('status.loading')} />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' &&
        (resource.data.items.length === 0 ? <StatusPanel kind="empty" title={t('dealers.empty')} /> : <DealersTable dealers={resource.data.items} />)}
    </>
  );
}
