import type { Designer } from '@dealerflow/designer';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormBuilder } from '../formBuilder/FormBuilder';
import type { EditedForm } from '../formBuilder/formsApi';
import { TestRunPanel } from '../testRun/TestRunPanel';
import './workbench.css';

type Panel = 'forms' | 'testRun';

/** The panels under the diagram: the form builder and the test run; forms edited in one are what the other runs with. */
export function DesignerWorkbench({ designer }: { designer: Designer | null }) {
  const { t } = useTranslation();
  const [panel, setPanel] = useState<Panel | null>(null);
  const [edited, setEdited] = useState<Record<string, EditedForm>>({});
  const onFormEdited = useCallback((form: EditedForm) => setEdited((all) => (all[form.id] === form ? all : { ...all, [form.id]: form })), []);
  return (
    <section className={`designer-workbench${panel ? ' designer-workbench--open' : ''}`} aria-label={t('workbench.label')}>
      <div className="workbench-tabs" role="tablist">
        {(['forms', 'testRun'] as const).map((id) => (
          <button key={id} type="button" role="tab" aria-selected={panel === id} className={`workbench-tab${panel === id ? ' workbench-tab--active' : ''}`} onClick={() => setPanel(panel === id ? null : id)}>
            {t(`workbench.${id}`)}
          </button>
        ))}
      </div>
      {/* Both stay mounted while the workbench is open, so switching tabs keeps the edited form and the run. */}
      <div className="designer-workbench__panel" hidden={panel !== 'forms'}>
        <FormBuilder designer={designer} onFormEdited={onFormEdited} />
      </div>
      <div className="designer-workbench__panel" hidden={panel !== 'testRun'}>
        <TestRunPanel designer={designer} editedForms={Object.values(edited)} />
      </div>
    </section>
  );
}
