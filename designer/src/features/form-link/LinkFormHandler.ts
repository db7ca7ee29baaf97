import type BpmnFactory from 'bpmn-js/lib/features/modeling/BpmnFactory';
import type Modeling from 'bpmn-js/lib/features/modeling/Modeling';
import type { Element } from 'bpmn-js/lib/model/Types';

/** The context of `dealerflow.form.link`. */
export interface LinkFormContext {
  element: Element;
  formId: string;
}

interface ModdleObject {
  $type: string;
  values?: ModdleObject[];
  [property: string]: unknown;
}

/**
 * Points an element's `zeebe:formDefinition` at one of our JSON-Schema forms (an external
 * reference), creating the extension elements it needs; one command, so one undo step.
 */
export class LinkFormHandler {
  static $inject = ['modeling', 'bpmnFactory'];

  constructor(private readonly modeling: Modeling, private readonly bpmnFactory: BpmnFactory) {}

  /** Does the edit through `modeling`, so rules, the properties panel and undo see it. */
  preExecute({ element, formId }: LinkFormContext): void {
    const businessObject = element.businessObject as ModdleObject;
    let extensionElements = businessObject.extensionElements as ModdleObject | undefined;
    if (!extensionElements) {
      extensionElements = this.bpmnFactory.create('bpmn:ExtensionElements', { values: [] }) as unknown as ModdleObject;
      this.modeling.updateProperties(element, { extensionElements });
    }
    const values = extensionElements.values ?? [];
    const existing = values.find((value) => value.$type === 'zeebe:FormDefinition');
    if (existing) {
      // Only the reference: the Zeebe forms behavior clears formId and formKey itself (naming them would clear the reference).
      this.modeling.updateModdleProperties(element, existing, { externalReference: formId });
    } else {
      const definition = this.bpmnFactory.create('zeebe:FormDefinition', { externalReference: formId });
      this.modeling.updateModdleProperties(element, extensionElements, { values: [...values, definition] });
    }
  }
}
