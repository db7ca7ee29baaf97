import type CommandStack from 'diagram-js/lib/command/CommandStack';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type { Element } from 'bpmn-js/lib/model/Types';
import { LinkFormHandler } from './LinkFormHandler';

interface BusinessObject {
  $type: string;
  eventDefinitions?: unknown[];
  extensionElements?: { values?: { $type: string; externalReference?: string; formId?: string; formKey?: string }[] };
}

const businessObjectOf = (element: Element | undefined) => element?.businessObject as BusinessObject | undefined;

/** Which form a start event or user task shows, and linking it to another one. */
export class FormLink {
  static $inject = ['commandStack', 'elementRegistry'];

  constructor(private readonly commandStack: CommandStack, private readonly elementRegistry: ElementRegistry) {
    commandStack.registerHandler('dealerflow.form.link', LinkFormHandler);
  }

  /** Whether the element can show a form: a user task or a none start event. */
  canLink(elementId: string): boolean {
    const bo = businessObjectOf(this.elementRegistry.get(elementId) as Element | undefined);
    return bo?.$type === 'bpmn:UserTask' || (bo?.$type === 'bpmn:StartEvent' && !bo.eventDefinitions?.length);
  }

  /** The id of the form the element shows, or null. */
  formOf(elementId: string): string | null {
    const definition = businessObjectOf(this.elementRegistry.get(elementId) as Element | undefined)?.extensionElements?.values?.find((v) => v.$type === 'zeebe:FormDefinition');
    return definition?.externalReference ?? definition?.formId ?? definition?.formKey ?? null;
  }

  /** Links the element to form `formId` (undoable); false when the element cannot show a form. */
  link(elementId: string, formId: string): boolean {
    if (!this.canLink(elementId)) return false;
    this.commandStack.execute('dealerflow.form.link', { element: this.elementRegistry.get(elementId), formId });
    return true;
  }
}
