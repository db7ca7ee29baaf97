import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Task } from '../../api/types';
import { taskName } from '../../i18n/taskName';
import { useDealerNames } from '../useDealerNames';
import { usePeopleNames } from '../usePeopleNames';
import { DueDate } from './DueDate';

/** The inbox's task list (cards on a phone); a row opens its task. */
export function TaskTable({ tasks }: { tasks: Task[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const dealers = useDealerNames();
  const nameOf = usePeopleNames();
  const open = (task: Task) => void navigate(`/inbox/${encodeURIComponent(task.key)}`);
  return (
    <div className="table-wrap">
      <table className="data-table data-table--clickable data-table--cards" data-testid="task-table">
        <caption className="visually-hidden">{t('inbox.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('inbox.columns.name')}</th>
            <th scope="col">{t('inbox.columns.caseRef')}</th>
            <th scope="col">{t('inbox.columns.dealer')}</th>
            <th scope="col">{t('inbox.columns.assignee')}</th>
            <th scope="col">{t('inbox.columns.due')}</th>
            <th scope="col" className="numeric">
              {t('inbox.columns.priority')}
            </th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((task) => (
            <tr key={task.key} data-task={task.key} data-element={task.elementId} tabIndex={0} onClick={() => open(task)} onKeyDown={(event) => event.key === 'Enter' && open(task)}>
              <td className="task-card__title">{taskName(t, task)}</td>
              <td className="mono nowrap" data-label={t('inbox.columns.caseRef')}>{task.caseRef ?? '—'}</td>
              <td data-label={t('inbox.columns.dealer')} title={task.dealerId ?? undefined}>{task.dealerId ? (dealers.get(task.dealerId) ?? task.dealerId) : '—'}</td>
              <td data-label={t('inbox.columns.assignee')}>{task.assignee ? nameOf(task.assignee) : <span className="muted">{t('inbox.unassigned')}</span>}</td>
              <td data-label={t('inbox.columns.due')}>
                <DueDate due={task.dueDate} />
              </td>
              <td className="numeric" data-label={t('inbox.columns.priority')}>{task.priority}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
