declare module 'bpmn-auto-layout' {
  /** The BPMN XML with diagram interchange laid out for its first process. */
  export function layoutProcess(xml: string): Promise<string>;
}
