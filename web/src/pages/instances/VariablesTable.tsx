import { useTranslation } from 'react-i18next';

function display(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The instance's variables as a name / value table, sorted by name. */
export function VariablesTable({ variables }: { variables: Record<string, unknown> }) {
  const { t } = useTranslation();
  const entries = Object.entries(variables).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return <p className="muted">{t('instances.noVariables')}</p>;
  return (
    <div className="table-wrap">
      <table className="data-table data-table--dense" data-testid="instance-variables">
        <thead>
          <tr>
            <th scope="col">{t('instances.variableName')}</th>
            <th scope="col">{t('instances.variableValue')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map(([name, value]) => (
            <tr key={name} data-variable={name}>
              <td className="mono">{name}</td>
              <td className="variable-value">{display(value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
