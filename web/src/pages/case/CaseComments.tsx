import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFetch } from '../../api/apiFetch';
import { describeError } from '../../api/describeError';
import type { CaseComment, ItemsResponse } from '../../api/types';
import { useApiResource } from '../../api/useApiResource';
import { LoadError } from '../../components/LoadError';
import { formatDateTime } from '../../format';
import { MentionPicker } from '../../notifications/MentionPicker';
import { usePeopleNames } from '../usePeopleNames';

/** The case's comments and a box to add one. */
export function CaseComments({ processInstanceKey, people }: { processInstanceKey: string; people: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  const path = `/api/process-instances/${encodeURIComponent(processInstanceKey)}/comments`;
  const { resource, reload } = useApiResource<ItemsResponse<CaseComment>>(path);
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const nameOf = usePeopleNames(people);
  const mention = (login: string) => setBody((text) => `${text}${text && !/\s$/.test(text) ? ' ' : ''}@${login} `);
  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return;
    setBusy(true);
    setMessage('');
    try {
      await apiFetch(path, { method: 'POST', body: { body: body.trim() } });
      setBody('');
      reload();
    } catch (error) {
      setMessage(describeError(t, error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="case-section" aria-labelledby="case-comments">
      <h2 id="case-comments" className="case-section__title">
        {t('case.comments')}
      </h2>
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' &&
        (resource.data.items.length === 0 ? (
          <p className="muted">{t('case.noComments')}</p>
        ) : (
          <ul className="comment-list" data-testid="comment-list">
            {resource.data.items.map((comment) => (
              <li key={comment.id}>
                <p className="comment-list__meta">
                  <strong>{nameOf(comment.author)}</strong> · {formatDateTime(comment.createdAt, i18n.resolvedLanguage ?? i18n.language)}
                </p>
                <p className="comment-list__body">{comment.body}</p>
              </li>
            ))}
          </ul>
        ))}
      <form className="comment-form" onSubmit={(event) => void add(event)}>
        <label htmlFor="comment-body" className="visually-hidden">
          {t('case.newComment')}
        </label>
        <textarea id="comment-body" rows={2} value={body} placeholder={t('case.newComment')} onChange={(event) => setBody(event.target.value)} />
        <MentionPicker onPick={mention} />
        <button type="submit" className="button button--secondary" disabled={busy || !body.trim()}>
          {t('case.addComment')}
        </button>
        {message && (
          <p className="form-error" role="alert">
            {message}
          </p>
        )}
      </form>
    </section>
  );
}
