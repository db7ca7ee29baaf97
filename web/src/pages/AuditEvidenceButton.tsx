import { useTranslation } from 'react-i18next';

/** Downloads one case's trail as a PDF people can verify on their own (the server names the file after the case). */
export function AuditEvidenceButton({ instanceKey }: { instanceKey: string }) {
  const { t } = useTranslation();
  return (
    <a className="button button--secondary" href={`/api/audit/evidence?instanceKey=${encodeURIComponent(instanceKey)}`} download data-testid="audit-evidence">
      {t('audit.evidence')}
    </a>
  );
}
