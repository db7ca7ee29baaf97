import { useTranslation } from 'react-i18next';

/** `YYYY-MM` of the month `shift` months from this one on the user's calendar. */
export function monthFromNow(shift = 0): string {
  const now = new Date();
  const date = new Date(now.getFullYear(), now.getMonth() + shift, 1);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
}

/** The year before this month and the two after it (plans are set ahead), newest first, named in the UI language. */
export function MonthPicker({ value, onChange }: { value: string; onChange: (month: string) => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const months = Array.from({ length: 15 }, (_, i) => monthFromNow(2 - i));
  const name = (month: string) => {
    const [year, index] = month.split('-').map(Number);
    return new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, index - 1, 1)));
  };
  return (
    <label className="filter-bar__field">
      {t('kpi.month')}
      <select value={value} onChange={(event) => onChange(event.target.value)} data-testid="kpi-month">
        {months.map((month) => <option key={month} value={month}>{name(month)}</option>)}
      </select>
    </label>
  );
}
