import type { DecisionExplanation } from '@dealerflow/contract';
import type { ActiveTable, DecisionEditor, TableInput, TableOutput } from '@dealerflow/designer';
import { useEffect, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/ApiError';
import { apiFetch } from '../../api/apiFetch';
import type { DecisionProblem } from './DecisionProblems';
import { inputVariables } from './inputVariables';


const MATCHED = 'decision-rule--matched';

/** Tries the shown decision table on values the admin enters: the output and the rules that gave it, nothing deployed. */
export function DecisionTestPanel({ editor, table, container, onProblems }: { editor: DecisionEditor | null; table: ActiveTable | null; container: RefObject<HTMLDivElement | null>; onProblems(problems: DecisionProblem[]): void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<string, string>>({});
  const [result, setResult] = useState<DecisionExplanation | null>(null);
  const [failed, setFailed] = useState(false);
  const [running, setRunning] = useState(false);

  // an edit or another view makes the last result stale
  useEffect(() => { setResult(null); setFailed(false); }, [table]);
  useEffect(() => {
    const root = container.current;
    if (!root) return;
    root.querySelectorAll(`.${MATCHED}`).forEach((cell) => cell.classList.remove(MATCHED));
    for (const rule of result?.matchedRules ?? []) root.querySelectorAll(`[data-row-id="${CSS.escape(rule.ruleId)}"]`).forEach((cell) => cell.classList.add(MATCHED));
  }, [result, container]);

  if (!table) return null;

  async function run() {
    if (!editor || !table) return;
    setRunning(true);
    setFailed(false);
    onProblems([]);
    try {
      const xml = await editor.xml();
      setResult(await apiFetch<DecisionExplanation>('/api/decisions/test-runs', { method: 'POST', body: { xml, decisionId: table.decisionId, variables: inputVariables(table.inputs, values) } }));
    } catch (error) {
      setResult(null);
      setFailed(true);
      onProblems(error instanceof ApiError && Array.isArray(error.details) ? (error.details as DecisionProblem[]) : []);
    } finally {
      setRunning(false);
    }
  }

  return (
    <section className="decision-test" aria-label={t('decisions.test.title')} data-testid="decision-test">
      <h2 className="decision-test__title">{t('decisions.test.title')}</h2>
      <form className="decision-test__inputs" onSubmit={(event) => { event.preventDefault(); void run(); }}>
        {table.inputs.map((input) => (
          <label key={input.id} className="decision-test__field">
            <span>{input.label}</span>
            <InputField input={input} value={values[input.id] ?? ''} onChange={(value) => setValues((current) => ({ ...current, [input.id]: value }))} />
          </label>
        ))}
        <button type="submit" className="button button--primary" disabled={!editor || running}>
          {running ? t('decisions.test.running') : t('decisions.test.run')}
        </button>
      </form>
      {failed && <p className="designer-notice designer-notice--error" role="alert">{t('decisions.test.failed')}</p>}
      {result && (
        <div className="decision-test__result" role="status" data-testid="decision-test-result">
          <p>
            {result.matchedRules.length === 0
              ? t('decisions.test.noRule')
              : t('decisions.test.matched', { count: result.matchedRules.length, rules: result.matchedRules.map((r) => r.index).join(', ') })}
          </p>
          <p>{t('decisions.test.output')}: <span className="mono">{formatOutput(result.output, table.outputs, t('decisions.test.empty'))}</span></p>
        </div>
      )}
    </section>
  );
}

/** An input typed by the column's typeRef. */
function InputField({ input, value, onChange }: { input: TableInput; value: string; onChange(value: string): void }) {
  const { t } = useTranslation();
  if (input.typeRef === 'boolean') {
    return (
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('decisions.test.empty')}</option>
        <option value="true">{t('decisions.test.yes')}</option>
        <option value="false">{t('decisions.test.no')}</option>
      </select>
    );
  }
  const type = input.typeRef === 'number' ? 'number' : input.typeRef === 'date' ? 'date' : 'text';
  return <input type={type} step={type === 'number' ? 'any' : undefined} value={value} onChange={(event) => onChange(event.target.value)} />;
}

/** The output by the columns' labels: `Coverage = "powertrain"; Dealer share = 0.3`. */
function formatOutput(output: unknown, columns: TableOutput[], empty: string): string {
  if (output === null || output === undefined) return empty;
  const labelOf = (name: string) => columns.find((column) => column.name === name)?.label ?? name;
  if (typeof output === 'object' && !Array.isArray(output)) return Object.entries(output).map(([name, value]) => `${labelOf(name)} = ${JSON.stringify(value)}`).join('; ');
  return columns.length === 1 ? `${columns[0].label} = ${JSON.stringify(output)}` : JSON.stringify(output);
}
