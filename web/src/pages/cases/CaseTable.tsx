import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../../format';
import type { CaseRow } from './useCaseSearch';

/** The cases found; the reference links to the case page, and a row (click or Enter) opens it too. */
export function CaseTable({ cases, dealers }: { cases: CaseRow[]; dealers: Map<string, string> }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const pathOf = (row: CaseRow) => `/cases/${encodeURIComponent(row.key)}`;
  return (
    <div className="table-wrap">
      <table className="data-table data-table--clickable data-table--cards" data-testid="case-table">
        <caption className="visually-hidden">{t('cases.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cases.columns.ref')}</th>
            <th scope="col">{t('cases.columns.process')}</th>
            <th scope="col">{t('cases.columns.vin')}</th>
            <th scope="col">{t('cases.columns.customer')}</th>
            {dealers.size !== 1 && <th scope="col">{t('cases.columns.dealer')}</th>}
            <th scope="col">{t('cases.columns.step')}</th>
            <th scope="col">{t('cases.columns.started')}</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((row) => (
            <tr key={row.key} data-case={row.key} data-state={row.state} onClick={(event) => (event.target as HTMLElement).closest('a') === null && void navigate(pathOf(row))}>
              <td data-label={t('cases.columns.ref')} className="nowrap">
                <Link to={pathOf(row)} className="mono">{row.caseRef ?? row.key}</Link>
              </td>
              <td data-label={t('cases.columns.process')}>{t(`cases.processes.${row.bpmnProcessId}`, { defaultValue: row.processName })}</td>
              <td data-label={t('cases.columns.vin')} className="mono">{row.vin ?? '—'}</td>
              <td data-label={t('cases.columns.customer')}>{row.customerName ?? '—'}</td>
              {dealers.size !== 1 && <td data-label={t('cases.columns.dealer')}>{row.dealerId ? (dealers.get(row.dealerId) ?? row.dealerId) : '—'}</td>}
              <td data-label={t('cases.columns.step')}>
                {row.state === 'active' ? (row.currentSteps.length ? row.currentSteps.map((step) => t(`elements.${row.bpmnProcessId}.${step.elementId}`, { defaultValue: step.name })).join(', ') : <span className="muted">{t('cases.inProgress')}</span>) : (
                  <span className={`badge badge--${row.state}`}>{t(`cases.state.${row.state}`)}</span>
                )}
              </td>
              <td data-label={t('cases.columns.started')}>{formatDateTime(row.startedAt, i18n.language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
