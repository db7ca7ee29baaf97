import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiFetch } from '../../api/apiFetch';
import { describeError } from '../../api/describeError';
import type { Task } from '../../api/types';
import { useSignedInSession } from '../../session/useSignedInSession';
import { usePeopleNames } from '../usePeopleNames';
import { DueDate } from '../inbox/DueDate';
import { AssignPicker } from './AssignPicker';

/** The task's facts (case, due date, assignee); claiming it, handing it back or assigning it to a colleague. */
export function TaskHeader({ task, onChanged }: { task: Task; onChanged: () => void }) {
  const { t } = useTranslation();
  const { user } = useSignedInSession();
  const nameOf = usePeopleNames();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const mine = task.assignee === user.username || task.assignee === user.id;
  const act = async (action: 'claim' | 'unclaim') => {
    setBusy(true);
    setMessage('');
    try {
      await apiFetch(`/api/tasks/${encodeURIComponent(task.key)}/${action}`, { method: 'POST' });
      onChanged();
    } catch (error) {
      setMessage(describeError(t, error, nameOf));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card task-header" aria-label={t('task.details')}>
      <dl className="facts">
        <div>
          <dt>{t('task.caseRef')}</dt>
          <dd className="mono">{task.caseRef ? <Link to={`/cases/${encodeURIComponent(task.processInstanceKey)}`}>{task.caseRef}</Link> : '—'}</dd>
        </div>
        <div>
          <dt>{t('task.due')}</dt>
          <dd>
            <DueDate due={task.dueDate} />
          </dd>
        </div>
        <div>
          <dt>{t('task.assignee')}</dt>
          <dd data-testid="task-assignee">{task.assignee ? nameOf(task.assignee) : t('inbox.unassigned')}</dd>
        </div>
        <div>
          <dt>{t('task.state')}</dt>
          <dd>{t(`task.stateLabel.${task.state}`)}</dd>
        </div>
      </dl>
      {task.state === 'open' && (
        <div className="task-header__actions">
          {!task.assignee && (
            <button type="button" className="button button--secondary" disabled={busy} onClick={() => void act('claim')}>
              {t('task.claim')}
            </button>
          )}
          {mine && (
            <button type="button" className="button button--ghost" disabled={busy} onClick={() => void act('unclaim')}>
              {t('task.unclaim')}
            </button>
          )}
          <AssignPicker task={task} onAssigned={onChanged} />
        </div>
      )}
      {message && (
        <p className="form-error" role="alert">
          {message}
        </p>
      )}
    </section>
  );
}
