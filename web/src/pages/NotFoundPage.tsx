import { useTranslation } from 'react-i18next';
import { PageHeader } from '../components/PageHeader';
import { StatusPanel } from '../components/StatusPanel';

/** What an unknown address shows inside the app. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('notFound.title')} />
      <StatusPanel kind="empty">{t('notFound.body')}</StatusPanel>
    </>
  );
}
