// bpmn-moddle ships no types for its main entry; kept identical to designer/src/types/modules.d.ts so the two declarations merge.

declare module 'bpmn-moddle' {
  /** A parsed BPMN element: a moddle object with `$type` and its properties. */
  export interface ModdleElement {
    $type: string;
    $parent?: ModdleElement;
    $descriptor: { properties: { name: string; type: string; isMany?: boolean; isReference?: boolean; isAttr?: boolean; ns: { prefix: string } }[] };
    $instanceOf(type: string): boolean;
    get(name: string): unknown;
    id?: string;
    [property: string]: unknown;
  }

  /** What `fromXML` answers. */
  export interface ParseResult {
    rootElement: ModdleElement;
    warnings: { message: string }[];
  }

  /** The BPMN 2.0 meta-model, extended by the packages passed in. */
  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>);
    fromXML(xml: string, typeName?: string): Promise<ParseResult>;
    toXML(element: ModdleElement, options?: { format?: boolean }): Promise<{ xml: string }>;
  }
}
