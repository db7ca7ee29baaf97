import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../format';

/** A task's due date, marked when it has passed. */
export function DueDate({ due }: { due: string | null }) {
  const { t, i18n } = useTranslation();
  if (!due) return <span className="muted">—</span>;
  const overdue = new Date(due).getTime() < Date.now();
  return (
    <span className={overdue ? 'due due--overdue' : 'due'} data-overdue={overdue || undefined}>
      {formatDateTime(due, i18n.resolvedLanguage ?? i18n.language)}
      {overdue && <span className="badge badge--danger">{t('inbox.overdue')}</span>}
    </span>
  );
}
