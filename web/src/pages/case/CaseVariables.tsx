import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

/** A variable's label in the UI language, else its name as the process stores it. */
const label = (t: TFunction, name: string) => t(`variables.${name}`, { defaultValue: name });

function display(t: TFunction, value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return t(`values.${value}`);
  if (Array.isArray(value)) return value.map((item) => display(t, item)).join(', ');
  if (typeof value === 'object') return Object.entries(value).map(([key, item]) => `${label(t, key)}: ${display(t, item)}`).join(' · ');
  return String(value);
}

/** The case's variables as a labelled list; lists of objects (parts) one line per item. */
export function CaseVariables({ variables }: { variables: Record<string, unknown> }) {
  const { t } = useTranslation();
  const entries = Object.entries(variables);
  if (entries.length === 0) return <p className="muted">{t('case.noVariables')}</p>;
  return (
    <dl className="kv-list" data-testid="case-variables">
      {entries.map(([name, value]) => (
        <div key={name} data-variable={name}>
          <dt title={name}>{label(t, name)}</dt>
          <dd>
            {Array.isArray(value) && value.some((item) => typeof item === 'object') ? (
              <ul className="kv-list__items">
                {value.map((item, index) => (
                  <li key={index}>{display(t, item)}</li>
                ))}
              </ul>
            ) : (
              display(t, value)
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
