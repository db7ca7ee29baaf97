import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { ProcessInstance } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { CasePanel } from './CasePanel';

/** A case on its own page (the start page and task headers link here). */
export function CasePage() {
  const { t } = useTranslation();
  const { instanceKey = '' } = useParams();
  const [caseRef, setCaseRef] = useState('');
  const onLoad = useCallback((instance: ProcessInstance) => {
    if (typeof instance.variables.caseRef === 'string') setCaseRef(instance.variables.caseRef);
  }, []);
  return (
    <>
      <PageHeader title={t('case.pageTitle', { key: caseRef || instanceKey })} />
      <div className="case-page">
        <CasePanel processInstanceKey={instanceKey} onLoad={onLoad} />
      </div>
    </>
  );
}
