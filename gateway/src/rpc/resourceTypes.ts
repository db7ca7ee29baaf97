/** The file name endings DeployResource and `POST /v2/deployments` take: BPMN, DMN, Camunda forms and ours. */
const RESOURCE_TYPES = ['.bpmn', '.xml', '.dmn', '.form', '.form.json'];

/** A line for each resource of a type that cannot be deployed, worded as Camunda words it; none when all can. */
export function unsupportedResources(names: string[]): string[] {
  return names
    .filter((name) => !RESOURCE_TYPES.some((ext) => name.toLowerCase().endsWith(ext)))
    .map((name) => `'${name}': Resource type is not supported. Supported resource types are: ${RESOURCE_TYPES.join(', ')}`);
}
