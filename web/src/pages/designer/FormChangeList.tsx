import { useTranslation } from 'react-i18next';
import type { FormChanges } from './formChanges';
import type { LinkedForm } from './linkedForms';

/** The forms a deploy adds, removes or changes, by title in the UI language; nothing when the forms stay as they are. */
export function FormChangeList({ changes }: { changes: FormChanges }) {
  const { t, i18n } = useTranslation();
  const title = (form: LinkedForm) => (i18n.language.startsWith('en') ? form.title?.en : form.title?.ru) || form.id;
  const rows = (['changed', 'added', 'removed'] as const).flatMap((kind) => changes[kind].map((form) => ({ kind, form })));
  if (!rows.length) return null;
  return (
    <ul className="diff-list" data-testid="form-changes">
      {rows.map(({ kind, form }) => (
        <li key={`${kind}:${form.id}`} className={`diff-item diff-item--${kind}`} data-form={form.id} data-kind={kind}>
          <span className="diff-item__badge">{t('designer.review.forms.title')}</span>
          <span className="diff-item__name">{t(`designer.review.forms.${kind}`, { title: title(form), id: form.id })}</span>
        </li>
      ))}
    </ul>
  );
}
