import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../format';
import type { ElementNamer } from './elementName';
import type { HistoryEntry } from '@dealerflow/contract';

/** The instance's steps in order: element, what happened, when. */
export function InstanceHistory({ history, name }: { history: HistoryEntry[]; name: ElementNamer }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="card instance-section" aria-labelledby="instance-history">
      <h2 id="instance-history" className="card__title">{t('instances.history.title')}</h2>
      <div className="table-wrap instance-history">
        <table className="data-table data-table--dense" data-testid="instance-history">
          <thead>
            <tr>
              <th scope="col">{t('instances.history.element')}</th>
              <th scope="col">{t('instances.history.state')}</th>
              <th scope="col">{t('instances.history.at')}</th>
            </tr>
          </thead>
          <tbody>
            {history.map((entry, index) => (
              <tr key={index}>
                <td>
                  {name(entry.elementId)} <span className="mono muted">{entry.elementId}</span>
                </td>
                <td>{t(`instances.history.states.${entry.state}`)}</td>
                <td className="nowrap">{formatDateTime(new Date(entry.at).toISOString(), i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
