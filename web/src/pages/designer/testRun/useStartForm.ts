import type { Designer } from '@dealerflow/designer';
import type EventBus from 'diagram-js/lib/core/EventBus';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import { useEffect, useState } from 'react';
import { loadForm, type EditedForm } from '../formBuilder/formsApi';
import { formLinkOf } from '../workbench/useDiagramSelection';

/** The form id of the diagram's none start event, or null. */
function startFormIdOf(designer: Designer): string | null {
  const registry = designer.modeler.get<ElementRegistry>('elementRegistry');
  const link = formLinkOf(designer);
  const start = registry.filter((element) => element.type === 'bpmn:StartEvent' && link.canLink(element.id))[0];
  return start ? link.formOf(start.id) : null;
}

/** The open diagram's start form: the builder's edited version if there is one, else the server's newest. */
export function useStartForm(designer: Designer | null, editedForms: EditedForm[]): { formId: string | null; form: EditedForm | null } {
  const [formId, setFormId] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<EditedForm | null>(null);

  useEffect(() => {
    if (!designer) return;
    const eventBus = designer.modeler.get<EventBus>('eventBus');
    const update = () => setFormId(startFormIdOf(designer));
    update();
    eventBus.on(['import.done', 'commandStack.changed'], update);
    return () => eventBus.off(['import.done', 'commandStack.changed'], update);
  }, [designer]);

  useEffect(() => {
    setLoaded(null);
    if (!formId) return;
    let live = true;
    loadForm(formId).then((details) => live && setLoaded(details.form), () => undefined);
    return () => {
      live = false;
    };
  }, [formId]);

  const edited = editedForms.find((form) => form.id === formId) ?? null;
  return { formId, form: edited ?? loaded };
}
