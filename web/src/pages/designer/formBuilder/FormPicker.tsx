import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormSummary } from './formsApi';

const FORM_ID = /^[\w.-]{1,128}$/;

/** Chooses the form to edit: one from the server, the one the selected element shows, or a new one. */
export function FormPicker({ forms, current, dirty, linkedFormId, onOpen, onCreate }: { forms: FormSummary[]; current: string | null; dirty: boolean; linkedFormId: string | null; onOpen: (id: string) => void; onCreate: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const [newId, setNewId] = useState('');
  const english = (i18n.resolvedLanguage ?? i18n.language).startsWith('en');
  const mayLeave = () => !dirty || window.confirm(t('formBuilder.discard'));
  const known = forms.some((f) => f.id === linkedFormId);
  return (
    <div className="form-picker">
      <label className="form-builder__label">
        {t('formBuilder.form')}
        <select value={current ?? ''} data-testid="form-select" onChange={(event) => mayLeave() && onOpen(event.target.value)}>
          <option value="" disabled>{t('formBuilder.choose')}</option>
          {forms.map((f) => (
            <option key={f.id} value={f.id}>
              {`${english ? f.title.en : f.title.ru} (${f.id})${f.source === 'draft' ? ` · ${t('formBuilder.draft')}` : ''}`}
            </option>
          ))}
        </select>
      </label>
      {linkedFormId && linkedFormId !== current && known && (
        <button type="button" className="button button--ghost" onClick={() => mayLeave() && onOpen(linkedFormId)}>
          {t('formBuilder.openLinked', { id: linkedFormId })}
        </button>
      )}
      <form
        className="form-picker__new"
        onSubmit={(event) => {
          event.preventDefault();
          if (FORM_ID.test(newId) && !forms.some((f) => f.id === newId) && mayLeave()) {
            onCreate(newId);
            setNewId('');
          }
        }}
      >
        <input value={newId} placeholder={t('formBuilder.newIdPlaceholder')} aria-label={t('formBuilder.newId')} onChange={(event) => setNewId(event.target.value.trim())} />
        <button type="submit" className="button button--secondary" disabled={!FORM_ID.test(newId) || forms.some((f) => f.id === newId)}>{t('formBuilder.create')}</button>
      </form>
    </div>
  );
}
