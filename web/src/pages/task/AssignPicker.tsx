import { subject } from '@casl/ability';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFetch } from '../../api/apiFetch';
import { describeError } from '../../api/describeError';
import type { Assignee, ItemsResponse, Task } from '../../api/types';
import { useSignedInSession } from '../../session/useSignedInSession';
import { usePeopleNames } from '../usePeopleNames';

/** "Assign to…": picks a colleague who may take the task and assigns it; shown only to those the rules let assign. */
export function AssignPicker({ task, onAssigned }: { task: Task; onAssigned: () => void }) {
  const { t } = useTranslation();
  const { ability } = useSignedInSession();
  const nameOf = usePeopleNames();
  const [colleagues, setColleagues] = useState<Assignee[] | null>(null);
  const [chosen, setChosen] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const path = `/api/tasks/${encodeURIComponent(task.key)}`;
  if (task.state !== 'open' || ability.cannot('assign', subject('Task', { ...task }))) return null;

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setMessage('');
    try {
      await work();
    } catch (error) {
      setMessage(describeError(t, error, nameOf));
    } finally {
      setBusy(false);
    }
  };
  const open = () => run(async () => {
    const { items } = await apiFetch<ItemsResponse<Assignee>>(`${path}/assignees`);
    setColleagues(items);
    setChosen('');
  });
  const assign = () => run(async () => {
    await apiFetch(`${path}/assign`, { method: 'POST', body: { assignee: chosen, revision: task.revision } });
    setColleagues(null);
    onAssigned();
  });

  if (!colleagues) {
    return (
      <div className="assign-picker">
        <button type="button" className="button button--ghost" disabled={busy} onClick={() => void open()}>
          {t('task.assignTo')}
        </button>
        {message && <p className="form-error" role="alert">{message}</p>}
      </div>
    );
  }
  return (
    <div className="assign-picker" role="group" aria-label={t('task.assignTo')}>
      {colleagues.length === 0 ? (
        <span className="muted">{t('task.noColleagues')}</span>
      ) : (
        <>
          <label className="assign-picker__field">
            <span>{t('task.colleague')}</span>
            <select value={chosen} disabled={busy} onChange={(event) => setChosen(event.target.value)} data-testid="assignee-select">
              <option value="" disabled>
                {t('task.choosePerson')}
              </option>
              {colleagues.map((c) => (
                <option key={c.id} value={c.username}>
                  {c.displayName}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button button--secondary" disabled={busy || !chosen || chosen === task.assignee} onClick={() => void assign()}>
            {t('task.assign')}
          </button>
        </>
      )}
      <button type="button" className="button button--ghost" disabled={busy} onClick={() => setColleagues(null)}>
        {t('task.cancel')}
      </button>
      {message && <p className="form-error" role="alert">{message}</p>}
    </div>
  );
}
