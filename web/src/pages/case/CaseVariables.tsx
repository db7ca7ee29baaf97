import { useTranslation } from 'react-i18next';

function display(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.map(display).join(', ');
  if (typeof value === 'object') return Object.entries(value).map(([key, item]) => `${key}: ${display(item)}`).join(' · ');
  return String(value);
}

/** The case's variables as a key/value list; lists of objects (parts) one line per item. */
export function CaseVariables({ variables }: { variables: Record<string, unknown> }) {
  const { t } = useTranslation();
  const entries = Object.entries(variables);
  if (entries.length === 0) return <p className="muted">{t('case.noVariables')}</p>;
  return (
    <dl className="kv-list" data-testid="case-variables">
      {entries.map(([name, value]) => (
        <div key={name} data-variable={name}>
          <dt>{name}</dt>
          <dd>
            {Array.isArray(value) && value.some((item) => typeof item === 'object') ? (
              <ul className="kv-list__items">
                {value.map((item, index) => (
                  <li key={index}>{display(item)}</li>
                ))}
              </ul>
            ) : (
              display(value)
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
