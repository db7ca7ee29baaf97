import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/ApiError';
import { describeError, type NameOf } from '../../api/describeError';
import type { ApprovalItem, DecisionResult } from '../../api/types';
import { formatMoney } from '../../format';
import { taskName } from '../../i18n/taskName';
import { TimeLeft } from './TimeLeft';

interface ApprovalsTableProps {
  items: ApprovalItem[];
  selected: Set<string>;
  results: Map<string, DecisionResult>;
  onToggle: (key: string) => void;
  onToggleAll: () => void;
  dealerNames: Map<string, string>;
  nameOf: NameOf;
  /** The row the keyboard points at. */
  current?: string;
}

/** The approval queue with a checkbox per row and the last decision's outcome per task. */
export function ApprovalsTable({ items, selected, results, onToggle, onToggleAll, dealerNames, nameOf, current }: ApprovalsTableProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const allSelected = items.length > 0 && items.every((item) => selected.has(item.key));
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid="approvals-table">
        <caption className="visually-hidden">{t('approvals.caption')}</caption>
        <thead>
          <tr>
            <th scope="col" className="checkbox-cell">
              <input type="checkbox" aria-label={t('approvals.selectAll')} checked={allSelected} onChange={onToggleAll} />
            </th>
            <th scope="col">{t('approvals.columns.caseRef')}</th>
            <th scope="col">{t('approvals.columns.task')}</th>
            <th scope="col">{t('approvals.columns.dealer')}</th>
            <th scope="col">{t('approvals.columns.vinCustomer')}</th>
            <th scope="col">{t('approvals.columns.coverage')}</th>
            <th scope="col" className="numeric">
              {t('approvals.columns.amount')}
            </th>
            <th scope="col">{t('approvals.columns.timeLeft')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const result = results.get(item.key);
            return (
              <tr key={item.key} data-task={item.key} data-case={item.caseRef ?? ''} className={item.key === current ? 'is-current' : undefined} aria-current={item.key === current ? 'true' : undefined}>
                <td className="checkbox-cell">
                  <input type="checkbox" aria-label={t('approvals.select', { caseRef: item.caseRef ?? item.key })} checked={selected.has(item.key)} onChange={() => onToggle(item.key)} />
                </td>
                <td className="mono nowrap">
                  <Link to={`/cases/${encodeURIComponent(item.processInstanceKey)}`}>{item.caseRef ?? item.processInstanceKey}</Link>
                </td>
                <td>
                  <Link to={`/inbox/${encodeURIComponent(item.key)}`}>{taskName(t, item)}</Link>
                  {/* A refused decision is told under its task: a column of its own would stand empty on every other row. */}
                  {result && !result.ok && <div className="table-note--error" data-testid="decision-result">{describeError(t, new ApiError(result.status, result.code, result.message, result.details), nameOf)}</div>}
                </td>
                <td data-column="dealer">
                  <span title={item.dealerId ?? undefined}>{item.dealerId ? (dealerNames.get(item.dealerId) ?? item.dealerId) : '—'}</span>
                </td>
                <td>
                  <span className="mono" data-column="vin">{item.summary.vin ?? '—'}</span>
                  {item.summary.customerName && <span className="case-summary" data-column="customer">{item.summary.customerName}</span>}
                </td>
                <td data-column="coverage">
                  {typeof item.summary.covered === 'boolean' ? (
                    <span className={`badge ${item.summary.covered ? 'badge--completed' : 'badge--danger'}`} data-covered={String(item.summary.covered)}>
                      {item.summary.covered ? t(`values.coverage.${item.summary.coverageKind ?? 'warranty'}`, { defaultValue: t('approvals.filters.covered') }) : t('approvals.filters.notCovered')}
                    </span>
                  ) : '—'}
                </td>
                <td className="numeric nowrap" data-column="amount">
                  {typeof item.summary.claimAmount === 'number' ? formatMoney(item.summary.claimAmount, language) : '—'}
                </td>
                <td className="nowrap">
                  <TimeLeft ms={item.timeLeftMs} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
