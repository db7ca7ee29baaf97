import type { Designer, FormLink } from '@dealerflow/designer';
import type EventBus from 'diagram-js/lib/core/EventBus';
import { useEffect, useState } from 'react';

/** The one selected element of the diagram, whether it can show a form, and which form it shows. */
export interface DiagramSelection {
  id: string;
  label: string;
  canLinkForm: boolean;
  formId: string | null;
}

/** The designer's form-link service. */
export const formLinkOf = (designer: Designer) => designer.modeler.get<FormLink>('formLink');

/** Follows the selection (and edits to the selected element) of the designer's diagram. */
export function useDiagramSelection(designer: Designer | null): DiagramSelection | null {
  const [selection, setSelection] = useState<DiagramSelection | null>(null);
  useEffect(() => {
    if (!designer) return;
    const eventBus = designer.modeler.get<EventBus>('eventBus');
    let selectedId: string | null = null;
    const describe = () => {
      if (!selectedId) return setSelection(null);
      const link = formLinkOf(designer);
      setSelection({ id: selectedId, label: designer.labelOf(selectedId), canLinkForm: link.canLink(selectedId), formId: link.formOf(selectedId) });
    };
    const onSelection = (event: unknown) => {
      const selected = (event as { newSelection: { id: string }[] }).newSelection;
      selectedId = selected.length === 1 ? selected[0].id : null;
      describe();
    };
    eventBus.on('selection.changed', onSelection);
    eventBus.on('commandStack.changed', describe);
    return () => {
      eventBus.off('selection.changed', onSelection);
      eventBus.off('commandStack.changed', describe);
      setSelection(null);
    };
  }, [designer]);
  return selection;
}
