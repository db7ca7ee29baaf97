import type { DesignerPlugin } from '../../DesignerPlugin';

/** One property of a Camunda 8 element template: a field of the properties panel bound to the model. */
export interface TemplateProperty {
  id?: string;
  label?: string;
  description?: string;
  group?: string;
  type: 'Hidden' | 'String';
  value?: string;
  feel?: 'optional' | 'required';
  optional?: boolean;
  constraints?: { notEmpty?: boolean };
  binding: { type: 'property'; name: 'name' } | { type: 'zeebe:taskDefinition'; property: 'type' | 'retries' } | { type: 'zeebe:input'; name: string } | { type: 'zeebe:output'; source: string };
}

/** A Camunda 8 (Zeebe) element template, as bpmn-js-element-templates and Camunda Modeler read it. */
export interface ElementTemplate {
  $schema: string;
  id: string;
  name: string;
  description?: string;
  version: number;
  category: { id: string; name: string };
  appliesTo: string[];
  elementType: { value: string };
  groups: { id: string; label: string }[];
  properties: TemplateProperty[];
}

interface SchemaField {
  title?: string;
  description?: string;
  type?: string | string[];
  enum?: unknown[];
}

interface ObjectSchema {
  properties?: Record<string, SchemaField>;
  required?: string[];
}

/** The id every template of a plugin gets: one per task type. */
export function pluginTemplateId(taskType: string): string {
  return `io.dealerflow.plugin.${taskType}`;
}

/** What the field expects, for the panel's hint: its description, or its JSON Schema type and allowed values. */
function hint(field: SchemaField): string | undefined {
  if (field.description) return field.description;
  const type = Array.isArray(field.type) ? field.type.join(' | ') : field.type;
  const allowed = field.enum?.map((value) => JSON.stringify(value)).join(', ');
  return [type, allowed && `one of ${allowed}`].filter(Boolean).join(', ') || undefined;
}

function fields(schema: object | undefined): [string, SchemaField][] {
  return Object.entries((schema as ObjectSchema | undefined)?.properties ?? {});
}

/**
 * The element template of a plugin: a service task named after the plugin, whose job type is the plugin's (fixed),
 * one `zeebe:input` per input field (a FEEL expression, by default the process variable of the
 * same name) and one `zeebe:output` per output field (the process variable it is stored in).
 */
export function pluginTemplate(plugin: DesignerPlugin): ElementTemplate {
  const required = new Set((plugin.input as ObjectSchema | undefined)?.required ?? []);
  const inputs = fields(plugin.input).map(([name, field]): TemplateProperty => ({
    id: `input.${name}`,
    label: field.title ?? name,
    description: hint(field),
    group: 'input',
    type: 'String',
    feel: 'optional',
    value: `=${name}`,
    binding: { type: 'zeebe:input', name },
    ...(required.has(name) ? { constraints: { notEmpty: true } } : { optional: true }),
  }));
  const outputs = fields(plugin.output).map(([name, field]): TemplateProperty => ({
    id: `output.${name}`,
    label: field.title ?? name,
    description: hint(field),
    group: 'output',
    type: 'String',
    value: name,
    binding: { type: 'zeebe:output', source: `=${name}` },
  }));
  return {
    $schema: 'https://unpkg.com/@camunda/zeebe-element-templates-json-schema/resources/schema.json',
    id: pluginTemplateId(plugin.taskType),
    name: plugin.name ?? plugin.taskType,
    ...(plugin.description ? { description: plugin.description } : {}),
    version: 1,
    category: { id: 'dealerflow-plugins', name: 'Dealerflow plugins' },
    appliesTo: ['bpmn:Task'],
    elementType: { value: 'bpmn:ServiceTask' },
    groups: [
      { id: 'job', label: 'Job' },
      { id: 'input', label: 'Input' },
      { id: 'output', label: 'Output' },
    ],
    properties: [
      { type: 'Hidden', value: plugin.taskType, binding: { type: 'zeebe:taskDefinition', property: 'type' } },
      { id: 'name', label: 'Name', group: 'job', type: 'String', value: plugin.name ?? plugin.taskType, binding: { type: 'property', name: 'name' } },
      { id: 'retries', label: 'Retries', group: 'job', type: 'String', value: '3', binding: { type: 'zeebe:taskDefinition', property: 'retries' } },
      ...inputs,
      ...outputs,
    ],
  };
}
