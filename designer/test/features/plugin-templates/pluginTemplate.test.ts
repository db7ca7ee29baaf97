import { validateZeebe } from '@bpmn-io/element-templates-validator';
import { creditNotePlugin, notifyPlugin, warrantyCoveragePlugin, type CoverageCatalog, type CreditNoteLedger, type NotificationOutbox, type Plugin } from '@dealerflow/plugins';
import type { DesignerPlugin } from '../../../src/DesignerPlugin';
import { pluginTemplate } from '../../../src/features/plugin-templates/pluginTemplate';

// The schemas are what matters here; the plugins never run.
const unused = {} as CoverageCatalog & CreditNoteLedger & NotificationOutbox;
const shipped: Plugin[] = [warrantyCoveragePlugin(unused), notifyPlugin(unused), creditNotePlugin(unused)] as Plugin[];
const asDesignerPlugin = (plugin: Plugin): DesignerPlugin => ({ taskType: plugin.taskType, name: plugin.title, description: plugin.description, input: plugin.input, output: plugin.output });

describe('pluginTemplate', () => {
  test.each(shipped.map((plugin) => [plugin.taskType, plugin] as const))('the %s template is a valid Camunda 8 element template', (_type, plugin) => {
    const result = validateZeebe(pluginTemplate(asDesignerPlugin(plugin)));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  test('the warranty coverage template names the task, fixes the job type and maps each schema field', () => {
    const template = pluginTemplate(asDesignerPlugin(shipped[0]));
    expect(template).toMatchObject({ id: 'io.dealerflow.plugin.warranty-coverage', name: 'Warranty coverage check', appliesTo: ['bpmn:Task'], elementType: { value: 'bpmn:ServiceTask' } });
    expect(template.properties.find((p) => p.binding.type === 'property')).toMatchObject({ value: 'Warranty coverage check', binding: { type: 'property', name: 'name' } });
    expect(template.properties.filter((p) => p.binding.type === 'zeebe:taskDefinition')).toEqual([
      { type: 'Hidden', value: 'warranty-coverage', binding: { type: 'zeebe:taskDefinition', property: 'type' } },
      expect.objectContaining({ label: 'Retries', value: '3', binding: { type: 'zeebe:taskDefinition', property: 'retries' } }),
    ]);
    const inputs = template.properties.filter((p) => p.binding.type === 'zeebe:input');
    expect(inputs.map((p) => [p.label, p.value, p.binding])).toEqual([
      ['VIN', '=vin', { type: 'zeebe:input', name: 'vin' }],
      ['Mileage, km', '=mileage', { type: 'zeebe:input', name: 'mileage' }],
      ['Repair date', '=repairDate', { type: 'zeebe:input', name: 'repairDate' }],
      ['Defect code', '=defectCode', { type: 'zeebe:input', name: 'defectCode' }],
    ]);
    // Every input of this plugin is required: the panel refuses to leave it empty.
    expect(inputs.every((p) => p.constraints?.notEmpty === true && p.feel === 'optional')).toBe(true);
    const outputs = template.properties.filter((p) => p.binding.type === 'zeebe:output');
    expect(outputs.map((p) => [p.value, p.binding])).toEqual(
      ['covered', 'coverage', 'campaignCode', 'warrantyEndsOn', 'mileageLimitKm', 'reasons'].map((name) => [name, { type: 'zeebe:output', source: `=${name}` }]),
    );
    expect(outputs.find((p) => p.value === 'coverage')?.description).toBe('one of "warranty", "campaign", "none"');
  });

  test('optional inputs stay optional, and a plugin without schemas still gets its job type', () => {
    const notify = pluginTemplate(asDesignerPlugin(shipped[1]));
    expect(notify.properties.filter((p) => p.binding.type === 'zeebe:input').map((p) => p.optional)).toEqual([true, true]);
    const bare = pluginTemplate({ taskType: 'ping' });
    expect(bare).toMatchObject({ name: 'ping', properties: [{ type: 'Hidden', value: 'ping' }, { id: 'name', value: 'ping' }, { id: 'retries' }] });
    expect(validateZeebe(bare).valid).toBe(true);
    // The validator does refuse what Camunda would not load.
    expect(validateZeebe({ ...bare, properties: [{ type: 'Hidden', value: 'ping', binding: { type: 'zeebe:nonsense' } }] }).valid).toBe(false);
  });
});
