import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatDateTime } from '../../format';
import type { InstanceRow } from '@dealerflow/contract';

/** The instance list, processes and dealers by name; a row (click or Enter) opens the instance. */
export function InstanceTable({ instances, dealers }: { instances: InstanceRow[]; dealers: Map<string, string> }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const open = (row: InstanceRow) => void navigate(`/instances/${encodeURIComponent(row.key)}`);
  return (
    <div className="table-wrap">
      <table className="data-table data-table--clickable" data-testid="instance-table">
        <caption className="visually-hidden">{t('instances.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('instances.columns.caseRef')}</th>
            <th scope="col">{t('instances.columns.process')}</th>
            <th scope="col" className="numeric">{t('instances.columns.version')}</th>
            <th scope="col">{t('instances.columns.state')}</th>
            <th scope="col">{t('instances.columns.dealer')}</th>
            <th scope="col">{t('instances.columns.started')}</th>
            <th scope="col">{t('instances.columns.ended')}</th>
            <th scope="col" className="numeric">{t('instances.columns.incidents')}</th>
          </tr>
        </thead>
        <tbody>
          {instances.map((row) => (
            <tr key={row.key} data-instance={row.key} data-state={row.state} tabIndex={0} aria-label={t('instances.openInstance', { ref: row.caseRef ?? row.key })} onClick={() => open(row)} onKeyDown={(event) => event.key === 'Enter' && open(row)}>
              <td className="mono">{row.caseRef ?? row.key}</td>
              <td>
                {t(`cases.processes.${row.bpmnProcessId}`, { defaultValue: row.bpmnProcessId })}
                <div className="mono muted">{row.bpmnProcessId}</div>
              </td>
              <td className="numeric">{row.version}</td>
              <td><span className={`badge badge--${row.state}`}>{t(`instances.state.${row.state}`)}</span></td>
              <td>{row.dealerId ? (dealers.get(row.dealerId) ?? row.dealerId) : '—'}</td>
              <td className="nowrap">{formatDateTime(row.startedAt, i18n.language)}</td>
              <td className="nowrap">{row.endedAt ? formatDateTime(row.endedAt, i18n.language) : '—'}</td>
              <td className="numeric">{row.openIncidents > 0 ? <span className="badge badge--danger">{row.openIncidents}</span> : '0'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
