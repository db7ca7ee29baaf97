import { useTranslation } from 'react-i18next';
import { useDealerNames } from '../useDealerNames';
import { usePeopleNames } from '../usePeopleNames';
import { displayVariable, variableLabel, type VariableContext } from './displayVariable';

/** The case's variables as a labelled list; lists of objects (parts) one line per item. */
export function CaseVariables({ variables, people }: { variables: Record<string, unknown>; people: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  const nameOf = usePeopleNames(people);
  const dealers = useDealerNames();
  const context: VariableContext = { t, language: i18n.resolvedLanguage ?? i18n.language, nameOf, dealerName: (id) => dealers.get(id) ?? id };
  const entries = Object.entries(variables);
  if (entries.length === 0) return <p className="muted">{t('case.noVariables')}</p>;
  return (
    <dl className="kv-list" data-testid="case-variables">
      {entries.map(([name, value]) => (
        <div key={name} data-variable={name}>
          <dt title={name}>{variableLabel(t, name)}</dt>
          <dd>
            {Array.isArray(value) && value.some((item) => typeof item === 'object') ? (
              <ul className="kv-list__items">
                {value.map((item, index) => (
                  <li key={index}>{displayVariable(context, name, item)}</li>
                ))}
              </ul>
            ) : (
              displayVariable(context, name, value)
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
