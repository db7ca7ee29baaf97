import { useTranslation } from 'react-i18next';
import { useDealerNames } from '../useDealerNames';

/** Narrows the KPIs to one dealer, chosen by name; offered to distributor users, who see many. */
export function DealerPicker({ value, onChange }: { value: string; onChange: (dealerId: string) => void }) {
  const { t, i18n } = useTranslation();
  const names = [...useDealerNames()].sort(([, a], [, b]) => a.localeCompare(b, i18n.resolvedLanguage));
  return (
    <label className="filter-bar__field">
      {t('kpi.dealer')}
      <select value={value} onChange={(event) => onChange(event.target.value)} data-testid="kpi-dealer">
        <option value="">{t('kpi.allDealers')}</option>
        {names.map(([id, name]) => <option key={id} value={id}>{name}</option>)}
      </select>
    </label>
  );
}
