import { useTranslation } from 'react-i18next';
import type { Dealer } from '../api/types';
import { formatDecimal, formatMoney } from '../format';

/** The dealers table; the credit-limit column exists only when the server sent that field. */
export function DealersTable({ dealers }: { dealers: Dealer[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const showCreditLimit = dealers.some((dealer) => dealer.creditLimit !== undefined);
  const dash = '—';
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid="dealers-table">
        <caption className="visually-hidden">{t('dealers.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dealers.columns.id')}</th>
            <th scope="col">{t('dealers.columns.name')}</th>
            <th scope="col">{t('dealers.columns.region')}</th>
            <th scope="col">{t('dealers.columns.territories')}</th>
            <th scope="col" className="numeric">
              {t('dealers.columns.rating')}
            </th>
            {showCreditLimit && (
              <th scope="col" className="numeric" data-column="creditLimit">
                {t('dealers.columns.creditLimit')}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {dealers.map((dealer) => (
            <tr key={dealer.id} data-dealer={dealer.id}>
              <td className="mono">{dealer.id}</td>
              <td>{dealer.name}</td>
              <td>{dealer.region}</td>
              <td>{dealer.territoryCodes?.length ? dealer.territoryCodes.join(', ') : dash}</td>
              <td className="numeric">{dealer.rating === undefined ? dash : formatDecimal(dealer.rating, language)}</td>
              {showCreditLimit && <td className="numeric">{dealer.creditLimit === undefined ? dash : formatMoney(dealer.creditLimit, language)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
