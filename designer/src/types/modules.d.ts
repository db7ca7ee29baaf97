// Declarations for the bpmn-io packages that ship no types of their own; only what we use.

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

declare module 'bpmnlint' {
  /** Runs bpmnlint rules over a moddle tree. */
  export class Linter {
    constructor(options: { config?: unknown; resolver: { resolveRule(pkg: string, rule: string): unknown; resolveConfig(pkg: string, config: string): unknown } });
    lint(root: unknown, config?: unknown): Promise<Record<string, { id?: string; message: string; category: string }[]>>;
  }
}

declare module 'bpmnlint/rules/*' {
  const factory: (config?: unknown) => { check: unknown };
  export default factory;
}

declare module 'bpmn-js-properties-panel' {
  export const BpmnPropertiesPanelModule: unknown;
  export const BpmnPropertiesProviderModule: unknown;
  export const ZeebePropertiesProviderModule: unknown;
}

declare module 'camunda-bpmn-js-behaviors/lib/camunda-cloud' {
  const module: unknown;
  export default module;
}

declare module 'dmn-js/lib/Modeler' {
  /** One editor view of a DMN file: the requirements diagram, a decision table or a literal expression. */
  export interface DmnView {
    type: 'drd' | 'decisionTable' | 'literalExpression' | 'boxedExpression';
    element: { id: string; name?: string };
  }

  /** The viewer behind the active view (a diagram-js or table-js instance). */
  export interface DmnViewer {
    get<T = unknown>(name: string): T;
  }

  /** dmn-js's modeler: one DMN file, several views. */
  export default class DmnModeler {
    constructor(options: { container: HTMLElement; common?: Record<string, unknown>; [key: string]: unknown });
    importXML(xml: string): Promise<{ warnings: { message: string }[] }>;
    saveXML(options?: { format?: boolean }): Promise<{ xml: string }>;
    getViews(): DmnView[];
    /** The moddle tree of the open file (dmn:Definitions). */
    getDefinitions(): unknown;
    getActiveView(): DmnView | undefined;
    getActiveViewer(): DmnViewer | undefined;
    open(view: DmnView): Promise<unknown>;
    on(event: string, callback: (event: { views?: DmnView[]; activeView?: DmnView }) => void): void;
    off(event: string, callback: (...args: never[]) => void): void;
    destroy(): void;
  }
}

declare module 'bpmn-js-element-templates' {
  export const CloudElementTemplatesPropertiesProviderModule: unknown;
}

declare module '@bpmn-io/element-templates-validator' {
  /** Validates a Camunda 8 element template against the published schema. */
  export function validateZeebe(template: object): { valid: boolean; errors?: unknown[] };
}
