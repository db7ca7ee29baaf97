import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/ApiError';
import { describeError } from '../../api/describeError';
import type { SavedViewFilters } from '../../api/types';
import { taskQueryParams, type TaskFilters } from './useTaskList';
import { useSavedViews } from './useSavedViews';

/** A saved view's filters as the inbox's filter bar holds them. */
export function filtersOfView(saved: SavedViewFilters): TaskFilters {
  const assignee = saved.assignee === 'me' || saved.assignee === 'unassigned' ? saved.assignee : 'all';
  return { state: saved.state ?? 'open', assignee, q: saved.q ?? '', sort: saved.sort ?? 'due' };
}

const same = (a: TaskFilters, b: TaskFilters) => JSON.stringify(taskQueryParams(a)) === JSON.stringify(taskQueryParams(b));

/** Pick one of the user's saved views, save the current filters under a name, or delete the chosen view. */
export function SavedViews({ filters, onPick }: { filters: TaskFilters; onPick: (filters: TaskFilters) => void }) {
  const { t } = useTranslation();
  const { views, loadError, save, remove } = useSavedViews();
  const [picked, setPicked] = useState('');
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const nameInput = useRef<HTMLInputElement>(null);
  const current = views.find((view) => view.id === picked && same(filtersOfView(view.filters), filters));

  const pick = (id: string) => {
    setPicked(id);
    setError('');
    const view = views.find((candidate) => candidate.id === id);
    if (view) onPick(filtersOfView(view.filters));
  };
  const cancel = () => {
    setNaming(false);
    setName('');
    setError('');
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setError(t('views.nameRequired'));
      return nameInput.current?.focus();
    }
    setBusy(true);
    try {
      const view = await save(name.trim(), taskQueryParams(filters) as SavedViewFilters);
      setPicked(view.id);
      setNaming(false);
      setName('');
      setError('');
    } catch (failure) {
      nameInput.current?.focus();
      setError(failure instanceof ApiError && failure.status === 409 && (failure.details as { field?: string } | null)?.field === 'name' ? t('views.duplicate', { name: name.trim() }) : describeError(t, failure));
    } finally {
      setBusy(false);
    }
  };
  const removeCurrent = async () => {
    if (!current) return;
    setBusy(true);
    try {
      await remove(current.id);
      setPicked('');
      setError('');
    } catch (failure) {
      setError(describeError(t, failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="saved-views" data-testid="saved-views">
      <label className="filter-bar__field">
        <span>{t('views.label')}</span>
        <select value={current?.id ?? ''} onChange={(event) => pick(event.target.value)} disabled={views.length === 0}>
          <option value="">{views.length === 0 ? t('views.none') : t('views.choose')}</option>
          {views.map((view) => (
            <option key={view.id} value={view.id}>
              {view.name}
            </option>
          ))}
        </select>
      </label>
      {current && (
        <button type="button" className="button button--ghost" disabled={busy} onClick={() => void removeCurrent()}>
          {t('views.delete')}
        </button>
      )}
      {naming ? (
        <form className="saved-views" onSubmit={(event) => void submit(event)} onKeyDown={(event) => event.key === 'Escape' && cancel()}>
          <label className="filter-bar__field">
            <span>{t('views.name')}</span>
            <input ref={nameInput} value={name} maxLength={80} autoFocus aria-invalid={Boolean(error) || undefined} onChange={(event) => setName(event.target.value)} />
          </label>
          <button type="submit" className="button button--secondary" disabled={busy}>
            {t('views.save')}
          </button>
          <button type="button" className="button button--ghost" onClick={cancel}>
            {t('views.cancel')}
          </button>
        </form>
      ) : (
        <button type="button" className="button button--ghost" onClick={() => setNaming(true)}>
          {t('views.saveAs')}
        </button>
      )}
      {(error || loadError !== null) && (
        <p className="form-error saved-views__error" role="alert">
          {error || t('views.loadFailed')}
        </p>
      )}
    </div>
  );
}
