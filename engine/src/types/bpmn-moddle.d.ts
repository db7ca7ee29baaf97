declare module 'bpmn-moddle' {
  /** Parses BPMN 2.0 XML (only the members the engine uses). */
  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>);
    fromXML(xml: string, type?: string): Promise<{
      rootElement: { $type: string; [key: string]: unknown };
      warnings: Array<{ message: string; element?: { id?: string }; property?: string }>;
    }>;
  }
}
