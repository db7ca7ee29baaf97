import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Task } from '../../api/types';
import { taskName } from '../../i18n/taskName';
import { DueDate } from './DueDate';

/** The inbox's task list; a row opens its task. */
export function TaskTable({ tasks }: { tasks: Task[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const open = (task: Task) => void navigate(`/inbox/${encodeURIComponent(task.key)}`);
  return (
    <div className="table-wrap">
      <table className="data-table data-table--clickable" data-testid="task-table">
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
              <td>{taskName(t, task)}</td>
              <td className="mono nowrap">{task.caseRef ?? '—'}</td>
              <td className="mono">{task.dealerId ?? '—'}</td>
              <td>{task.assignee ?? <span className="muted">{t('inbox.unassigned')}</span>}</td>
              <td>
                <DueDate due={task.dueDate} />
              </td>
              <td className="numeric">{task.priority}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
