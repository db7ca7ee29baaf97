import type { StagedUpload } from '@dealerflow/contract';
import type { FieldProps } from '@rjsf/utils';
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../api/describeError';
import { uploadFile } from '../api/uploadFile';

const accepted = 'image/jpeg,image/png,application/pdf';
const maxBytes = 10 * 1024 * 1024;

/** Every message in an rjsf error schema, nested ones included (an item's missing id is the list's problem). */
function collectErrors(node: unknown): string[] {
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node as Record<string, unknown>).flatMap(([key, value]) => (key === '__errors' && Array.isArray(value) ? value.map(String) : collectErrors(value)));
}

interface UploadedFile {
  id: string;
  fileName: string;
}

/**
 * A start form's documents (`"ui:field": "attachments"`): each chosen file is uploaded at once
 * (`POST /api/uploads`) and the form keeps `{ id, fileName }`; starting the case attaches them.
 * Read only (a task showing the case's documents), it lists the names.
 */
export function AttachmentsField({ formData, onChange, fieldPathId, schema, disabled, readonly, errorSchema, required }: FieldProps) {
  const { t } = useTranslation();
  // rjsf pre-fills an empty item for a list with minItems: only uploaded files count
  const files = (Array.isArray(formData) ? formData : []).filter((f): f is UploadedFile => Boolean((f as UploadedFile | undefined)?.id));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const inputId = `${fieldPathId.$id}-file`;
  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const chosen = [...(input.files ?? [])];
    setMessage('');
    const added: UploadedFile[] = [];
    setBusy(true);
    try {
      for (const file of chosen) {
        if (!accepted.split(',').includes(file.type)) throw new Error(t('case.fileType'));
        if (file.size > maxBytes) throw new Error(t('case.fileTooLarge'));
        const stored = await uploadFile<StagedUpload>(`/api/uploads?name=${encodeURIComponent(file.name)}`, file);
        added.push({ id: stored.id, fileName: stored.fileName });
      }
    } catch (error) {
      setMessage(error instanceof Error && !('status' in error) ? error.message : describeError(t, error));
    } finally {
      setBusy(false);
      input.value = '';
      if (added.length) onChange([...files, ...added], fieldPathId.path);
    }
  };
  const remove = (id: string) => onChange(files.filter((f) => f.id !== id), fieldPathId.path);
  const errors = [...new Set(collectErrors(errorSchema))];
  return (
    <div className="form-group attachments-field" data-testid="attachments-field">
      <label className="control-label" htmlFor={inputId}>
        {schema.title}
        {required && <span className="required">*</span>}
      </label>
      {files.length > 0 ? (
        <ul className="attachments-field__list">
          {files.map((file) => (
            <li key={file.id}>
              <span>{file.fileName}</span>
              {!readonly && !disabled && (
                <button type="button" className="button button--secondary button--small" onClick={() => remove(file.id)} aria-label={t('forms.removeFile', { name: file.fileName })}>
                  {t('forms.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : (
        readonly && <p className="muted">{t('forms.noFiles')}</p>
      )}
      {!readonly && (
        <>
          <input id={inputId} type="file" accept={accepted} multiple disabled={disabled || busy} onChange={(event) => void upload(event)} />
          <p className="muted">{busy ? t('forms.uploading') : t('forms.fileHint')}</p>
        </>
      )}
      {message && <p className="form-error" role="alert">{message}</p>}
      {errors.length > 0 && <ul className="error-detail">{errors.map((e) => <li key={e} className="text-danger">{e}</li>)}</ul>}
    </div>
  );
}
