import { useTranslation } from 'react-i18next';
import { durationParts } from '../../format';

/** "2 d 4 h left" or "overdue by 3 h"; a dash without a deadline. */
export function TimeLeft({ ms }: { ms: number | null }) {
  const { t } = useTranslation();
  if (ms === null || ms === undefined) return <span className="muted">—</span>;
  const { days, hours, minutes } = durationParts(ms);
  const span = days > 0 ? t('approvals.daysHours', { days, hours }) : hours > 0 ? t('approvals.hoursMinutes', { hours, minutes }) : t('approvals.minutes', { minutes });
  return ms < 0 ? <span className="badge badge--danger">{t('approvals.overdueBy', { span })}</span> : <span>{t('approvals.left', { span })}</span>;
}
