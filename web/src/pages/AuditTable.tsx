import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../format';
import { pick, type AuditEntryView } from './useAuditTrail';

/** The audit entries, newest first: who by name, what happened as a sentence, the case as a link, details on demand. */
export function AuditTable({ entries }: { entries: AuditEntryView[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return (
    <div className="table-wrap">
      <table className="data-table data-table--dense data-table--cards" data-testid="audit-table">
        <caption className="visually-hidden">{t('audit.caption')}</caption>
        <thead>
          <tr>
            <th scope="col" className="numeric">{t('audit.columns.seq')}</th>
            <th scope="col">{t('audit.columns.at')}</th>
            <th scope="col">{t('audit.columns.actor')}</th>
            <th scope="col">{t('audit.columns.event')}</th>
            <th scope="col">{t('audit.columns.case')}</th>
            <th scope="col">{t('audit.columns.hash')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.seq} data-seq={entry.seq}>
              <td className="numeric">{entry.seq}</td>
              <td className="nowrap">{formatDateTime(entry.at, language)}</td>
              <td>{pick(entry.actorName, language)}</td>
              <td className="audit-event">
                <span>{pick(entry.text, language)}</span>
                <details className="audit-details">
                  <summary>{t('audit.details')}</summary>
                  <dl>
                    {entry.fields.map((field, index) => (
                      <div key={index}>
                        <dt>{pick(field.label, language)}</dt>
                        <dd>{pick(field.value, language)}</dd>
                      </div>
                    ))}
                    <div>
                      <dt>{t('audit.hashLabel')}</dt>
                      <dd className="mono">{entry.hash}</dd>
                    </div>
                    <div>
                      <dt>{t('audit.prevHashLabel', { seq: entry.seq - 1 })}</dt>
                      <dd className="mono">{entry.prevHash}</dd>
                    </div>
                  </dl>
                </details>
              </td>
              <td className="nowrap">
                {entry.case ? <Link to={`/cases/${encodeURIComponent(entry.case.instanceKey)}`} data-testid="audit-case-link">{entry.case.caseRef ?? entry.case.instanceKey}</Link> : <span className="muted">—</span>}
              </td>
              <td className="mono muted nowrap" title={entry.hash}>{entry.hash.slice(0, 10)}…</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
