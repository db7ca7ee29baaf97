declare module 'dmn-moddle' {
  /** The DMN 1.3 moddle: parses DMN XML into an element tree. */
  export class DmnModdle {
    constructor(packages?: Record<string, unknown>);
    fromXML(xml: string, type?: string): Promise<{ rootElement: unknown; warnings: Array<{ message: string; element?: { id?: string } }> }>;
  }
}
