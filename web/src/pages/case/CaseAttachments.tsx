import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/describeError';
import type { CaseAttachment, ItemsResponse } from '../../api/types';
import { uploadFile } from '../../api/uploadFile';
import { useApiResource } from '../../api/useApiResource';
import { LoadError } from '../../components/LoadError';
import { formatBytes } from '../../format';
import { usePeopleNames } from '../usePeopleNames';

const accepted = 'image/jpeg,image/png,application/pdf';
const maxBytes = 10 * 1024 * 1024;

/** The case's files: download links, previews of images, and an upload (JPEG, PNG or PDF up to 10 MB). */
export function CaseAttachments({ processInstanceKey, people }: { processInstanceKey: string; people: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  const nameOf = usePeopleNames(people);
  const path = `/api/process-instances/${encodeURIComponent(processInstanceKey)}/attachments`;
  const { resource, reload } = useApiResource<ItemsResponse<CaseAttachment>>(path);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setMessage('');
    if (!accepted.split(',').includes(file.type)) return setMessage(t('case.fileType'));
    if (file.size > maxBytes) return setMessage(t('case.fileTooLarge'));
    setBusy(true);
    try {
      await uploadFile(`${path}?name=${encodeURIComponent(file.name)}`, file);
      reload();
    } catch (error) {
      setMessage(describeError(t, error));
    } finally {
      setBusy(false);
      input.value = '';
    }
  };
  return (
    <section className="case-section" aria-labelledby="case-attachments">
      <h2 id="case-attachments" className="case-section__title">
        {t('case.attachments')}
      </h2>
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' &&
        (resource.data.items.length === 0 ? (
          <p className="muted">{t('case.noAttachments')}</p>
        ) : (
          <ul className="attachment-list" data-testid="attachment-list">
            {resource.data.items.map((file) => (
              <li key={file.id}>
                <a href={`${path}/${encodeURIComponent(file.id)}`} download={file.fileName}>
                  {file.fileName}
                </a>
                <span className="muted">
                  {' '}
                  {formatBytes(file.size, i18n.resolvedLanguage ?? i18n.language)} · {nameOf(file.uploadedBy)}
                </span>
                {file.contentType.startsWith('image/') && (
                  <a href={`${path}/${encodeURIComponent(file.id)}`} target="_blank" rel="noreferrer" aria-label={t('case.preview', { name: file.fileName })}>
                    <img className="attachment-preview" src={`${path}/${encodeURIComponent(file.id)}`} alt={t('case.preview', { name: file.fileName })} loading="lazy" data-testid="attachment-preview" />
                  </a>
                )}
              </li>
            ))}
          </ul>
        ))}
      <label className="button button--secondary file-button">
        {busy ? t('case.uploading') : t('case.upload')}
        <input type="file" accept={accepted} className="visually-hidden" disabled={busy} onChange={(event) => void upload(event)} />
      </label>
      {message && (
        <p className="form-error" role="alert">
          {message}
        </p>
      )}
    </section>
  );
}
