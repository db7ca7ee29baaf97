import type { Designer } from '@dealerflow/designer';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../api/describeError';
import { LazyDynamicForm } from '../../../forms/LazyDynamicForm';
import type { EditedForm } from '../formBuilder/formsApi';
import { JsonEditor } from '../formBuilder/JsonEditor';
import { RunView } from './RunView';
import { useStartForm } from './useStartForm';
import { useTestRun } from './useTestRun';

/** Test-runs the open diagram on the server's sandbox: start data in, tasks completed one by one, the path marked on the canvas. */
export function TestRunPanel({ designer, editedForms }: { designer: Designer | null; editedForms: EditedForm[] }) {
  const { t } = useTranslation();
  const testRun = useTestRun(designer);
  const startForm = useStartForm(designer, editedForms);
  const [dealerId, setDealerId] = useState('dealer1');
  const [variables, setVariables] = useState<Record<string, unknown>>({});
  const startFields = Object.keys((startForm.form?.schema.properties ?? {}) as object);
  const start = (data: Record<string, unknown>) => testRun.start(data, editedForms, dealerId, startFields);

  return (
    <div className="test-run" data-testid="test-run">
      <p className="test-run__intro">{t('testRun.intro')}</p>
      {testRun.problem && (
        <div className="designer-notice designer-notice--error" role="alert" data-testid="run-problem">
          {testRun.problem.message}
          <ul>{testRun.problem.details.map((d) => <li key={`${d.field}:${d.message}`}><span className="mono">{designer?.labelOf(d.field) ?? d.field}</span>: {d.message}</li>)}</ul>
        </div>
      )}
      {testRun.run ? (
        <>
          <button type="button" className="button button--secondary" onClick={testRun.close}>{t('testRun.close')}</button>
          <RunView run={testRun.run} designer={designer} onComplete={testRun.complete} />
        </>
      ) : (
        <div className="test-run__start">
          <label className="form-builder__label">
            {t('testRun.dealer')}
            <input value={dealerId} onChange={(event) => setDealerId(event.target.value.trim())} />
          </label>
          {startForm.form ? (
            <LazyDynamicForm key={startForm.form.id} form={startForm.form} submitLabel={t('testRun.start')} onSubmit={start} describeError={(error) => describeError(t, error)} />
          ) : (
            <>
              <p className="test-run__hint">{startForm.formId ? t('testRun.loadingForm', { id: startForm.formId }) : t('testRun.noStartForm')}</p>
              <JsonEditor value={variables} onChange={setVariables} label={t('testRun.variables')} />
              <button type="button" className="button button--primary" onClick={() => void start(variables).catch(() => undefined)}>{t('testRun.start')}</button>
            </>
          )}
        </div>
      )}
    </div>
  );
}
