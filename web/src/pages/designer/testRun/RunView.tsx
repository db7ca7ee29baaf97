import type { Designer } from '@dealerflow/designer';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../api/describeError';
import { LazyDynamicForm } from '../../../forms/LazyDynamicForm';
import { JsonEditor } from '../formBuilder/JsonEditor';
import type { SandboxRun } from './sandboxApi';
import { useState } from 'react';

/** A task without a known form: its variables as JSON. */
function RawTaskForm({ onComplete }: { onComplete: (variables: Record<string, unknown>) => Promise<void> }) {
  const { t } = useTranslation();
  const [variables, setVariables] = useState<Record<string, unknown>>({});
  return (
    <div>
      <JsonEditor value={variables} onChange={setVariables} label={t('testRun.variables')} />
      <button type="button" className="button button--primary" onClick={() => void onComplete(variables)}>{t('testRun.complete')}</button>
    </div>
  );
}

/** A test run: its state, the open tasks with their forms, incidents, what plugins would have done, and the variables. */
export function RunView({ run, designer, onComplete }: { run: SandboxRun; designer: Designer | null; onComplete: (taskKey: string, variables: Record<string, unknown>) => Promise<void> }) {
  const { t } = useTranslation();
  // Shipped processes have their element names translated; a draft's new elements keep the diagram's name.
  const label = (id: string) => t(`elements.${run.bpmnProcessId}.${id}`, { defaultValue: designer?.labelOf(id) ?? id });
  return (
    <div className="run-view" data-testid="run-view">
      <p className="run-view__state">
        {t('testRun.state')}: <span className={`badge run-state run-state--${run.state.toLowerCase()}`} data-testid="run-state">{t(`testRun.states.${run.state}`)}</span>
        <span className="run-view__path">{t('testRun.path')}: {run.path.map(label).join(' → ')}</span>
      </p>
      {run.incidents.map((incident) => (
        <p key={incident.key} className="designer-notice designer-notice--error" role="alert">{t('testRun.incident', { element: label(incident.elementId), message: incident.message })}</p>
      ))}
      {run.tasks.map((task) => (
        <section key={task.key} className="card run-view__task" data-testid={`run-task-${task.elementId}`}>
          <h4 className="card__title">{t('testRun.task', { name: label(task.elementId) })} <span className="badge">{task.candidateGroups.join(', ')}</span></h4>
          {task.form ? (
            <LazyDynamicForm form={task.form} initialData={run.variables} submitLabel={t('testRun.complete')} onSubmit={(data) => onComplete(task.key, data)} describeError={(error) => describeError(t, error)} />
          ) : (
            <>
              <p className="form-error">{t('testRun.noForm', { id: task.formId ?? '—' })}</p>
              <RawTaskForm onComplete={(variables) => onComplete(task.key, variables)} />
            </>
          )}
        </section>
      ))}
      {run.state !== 'ACTIVE' && <p className="run-view__end" role="status">{t('testRun.ended')}</p>}
      <details className="run-view__more" open={run.effects.length > 0}>
        <summary>{t('testRun.effects', { count: run.effects.length })}</summary>
        <ul data-testid="run-effects">
          {run.effects.map((effect) => <li key={effect.jobKey}><strong>{effect.taskType}</strong> <span className="mono">{JSON.stringify(effect.details)}</span></li>)}
        </ul>
      </details>
      <details className="run-view__more">
        <summary>{t('testRun.variables')}</summary>
        <pre className="mono run-view__variables">{JSON.stringify(run.variables, null, 2)}</pre>
      </details>
    </div>
  );
}
