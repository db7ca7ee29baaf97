import { useTranslation } from 'react-i18next';
import { PageHeader } from '../components/PageHeader';
import { StatusPanel } from '../components/StatusPanel';
import type { SectionId } from '../navigation';

/** A section whose features arrive in a later release: its name and what it will offer. */
export function ComingSoonPage({ section }: { section: SectionId }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t(`nav.${section}`)} />
      <StatusPanel kind="info" title={t('comingSoon.title')}>
        {t(`comingSoon.${section}`)}
      </StatusPanel>
    </>
  );
}
