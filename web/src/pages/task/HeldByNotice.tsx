import { subject } from '@casl/ability';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFetch } from '../../api/apiFetch';
import { describeError } from '../../api/describeError';
import type { Task } from '../../api/types';
import { useSignedInSession } from '../../session/useSignedInSession';
import { usePeopleNames } from '../usePeopleNames';

/** Says who holds the task (so the form below is read-only) and offers to take it over where the rules let this user assign it. */
export function HeldByNotice({ task, onTaken }: { task: Task; onTaken: () => void }) {
  const { t } = useTranslation();
  const { user, ability } = useSignedInSession();
  const nameOf = usePeopleNames();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  if (!task.assignee) return null;
  const mayTakeOver = ability.can('assign', subject('Task', { ...task }));

  const takeOver = async () => {
    setBusy(true);
    setMessage('');
    try {
      await apiFetch(`/api/tasks/${encodeURIComponent(task.key)}/assign`, { method: 'POST', body: { assignee: user.username, revision: task.revision } });
      onTaken();
    } catch (error) {
      setMessage(describeError(t, error, nameOf));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="notice held-by" role="status" data-testid="held-by">
      <p>{t(mayTakeOver ? 'task.heldByTakeOver' : 'task.heldBy', { name: nameOf(task.assignee) })}</p>
      {mayTakeOver && (
        <button type="button" className="button button--secondary" disabled={busy} onClick={() => void takeOver()}>
          {t('task.takeOver')}
        </button>
      )}
      {message && (
        <p className="form-error" role="alert">
          {message}
        </p>
      )}
    </div>
  );
}
