import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApprovalItem, DecisionResult } from '../../api/types';
import { TimeLeft } from './TimeLeft';

interface ApprovalsTableProps {
  items: ApprovalItem[];
  selected: Set<string>;
  results: Map<string, DecisionResult>;
  onToggle: (key: string) => void;
  onToggleAll: () => void;
}

/** The approval queue with a checkbox per row and the last decision's outcome per task. */
export function ApprovalsTable({ items, selected, results, onToggle, onToggleAll }: ApprovalsTableProps) {
  const { t } = useTranslation();
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
            <th scope="col">{t('approvals.columns.timeLeft')}</th>
            <th scope="col">{t('approvals.columns.result')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const result = results.get(item.key);
            return (
              <tr key={item.key} data-task={item.key} data-case={item.caseRef ?? ''}>
                <td className="checkbox-cell">
                  <input type="checkbox" aria-label={t('approvals.select', { caseRef: item.caseRef ?? item.key })} checked={selected.has(item.key)} onChange={() => onToggle(item.key)} />
                </td>
                <td className="mono">
                  <Link to={`/cases/${encodeURIComponent(item.processInstanceKey)}`}>{item.caseRef ?? item.processInstanceKey}</Link>
                </td>
                <td>
                  <Link to={`/inbox/${encodeURIComponent(item.key)}`}>{item.name}</Link>
                </td>
                <td className="mono">{item.dealerId ?? '—'}</td>
                <td className="nowrap">
                  <TimeLeft ms={item.timeLeftMs} />
                </td>
                <td data-testid="decision-result">{result && !result.ok && <span className="table-note--error">{result.message}</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
