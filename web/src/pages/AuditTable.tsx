import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../api/types';
import { formatDateTime } from '../format';

/** The audit entries, oldest first, with each entry's hash shortened (the full value on hover). */
export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return (
    <div className="table-wrap">
      <table className="data-table data-table--dense" data-testid="audit-table">
        <caption className="visually-hidden">{t('audit.caption')}</caption>
        <thead>
          <tr>
            <th scope="col" className="numeric">
              {t('audit.columns.seq')}
            </th>
            <th scope="col">{t('audit.columns.at')}</th>
            <th scope="col">{t('audit.columns.actor')}</th>
            <th scope="col">{t('audit.columns.action')}</th>
            <th scope="col">{t('audit.columns.subject')}</th>
            <th scope="col">{t('audit.columns.payload')}</th>
            <th scope="col">{t('audit.columns.hash')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const payload = entry.payload === null || entry.payload === undefined ? '' : JSON.stringify(entry.payload);
            return (
              <tr key={entry.seq}>
                <td className="numeric">{entry.seq}</td>
                <td className="nowrap">{formatDateTime(entry.at, language)}</td>
                <td>{entry.actor}</td>
                <td className="mono">{entry.action}</td>
                <td>
                  {entry.subjectType}
                  <span className="muted mono subject-id" title={entry.subjectId}>
                    {entry.subjectId}
                  </span>
                </td>
                <td className="payload" title={payload}>
                  <code>{payload}</code>
                </td>
                <td className="mono muted nowrap" title={entry.hash}>
                  {entry.hash.slice(0, 10)}…
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
