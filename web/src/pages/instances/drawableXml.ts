/** Whether the model carries diagram interchange (shapes and edges) that a viewer can draw. */
export function hasDiagram(xml: string): boolean {
  return /<([\w-]+:)?BPMNShape\b/.test(xml);
}

/**
 * The XML to draw: as deployed, or, for a model without diagram interchange (Camunda 8 runs
 * those, and clients deploy them), with one laid out automatically. Element ids stay the same,
 * so tokens and markers land on the right shapes.
 */
export async function drawableXml(xml: string): Promise<string> {
  if (hasDiagram(xml)) return xml;
  const { layoutProcess } = await import('bpmn-auto-layout');
  return layoutProcess(xml);
}
