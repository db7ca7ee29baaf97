import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { CasePanel } from './CasePanel';

/** A case on its own page (the start page and task headers link here). */
export function CasePage() {
  const { t } = useTranslation();
  const { instanceKey = '' } = useParams();
  return (
    <>
      <PageHeader title={t('case.pageTitle', { key: instanceKey })} />
      <div className="case-page">
        <CasePanel processInstanceKey={instanceKey} />
      </div>
    </>
  );
}
