import Modeler from 'bpmn-js/lib/Modeler';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, ZeebePropertiesProviderModule } from 'bpmn-js-properties-panel';
import ZeebeBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-cloud';
import zeebeSchema from 'zeebe-bpmn-moddle/resources/zeebe.json';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import './features/lint/lint.css';
import { Designer } from './Designer';
import type { DesignerPlugin } from './DesignerPlugin';
import formLinkModule from './features/form-link';
import lintModule from './features/lint';
import paletteModule from './features/palette';
import pluginTemplatesModule from './features/plugin-templates';
import { pluginTemplate } from './features/plugin-templates/pluginTemplate';
import { translateModule } from './features/translate';
import { ru } from './features/translate/ru';

/** Where the designer draws and what it knows of the platform. */
export interface DesignerOptions {
  /** The element the canvas and palette fill. */
  container: HTMLElement;
  /** The element the properties panel renders into. */
  propertiesPanel: HTMLElement;
  /** The registered plugins: service task types must be one of theirs, and each becomes an element template. */
  plugins?: readonly DesignerPlugin[];
  /** More bpmn-js modules. */
  additionalModules?: unknown[];
  /** The language of the palette, context pad and properties panel (bpmn-js's own texts are English). */
  language?: 'ru' | 'en';
}

/** Builds a bpmn-js modeler for Camunda 8 (Zeebe moddle, properties and behaviors) with our features. */
export function createDesigner({ container, propertiesPanel, plugins, additionalModules = [], language = 'en' }: DesignerOptions): Designer {
  const translations = language === 'ru' ? [translateModule(ru)] : [];
  const modeler = new Modeler({
    container,
    propertiesPanel: { parent: propertiesPanel },
    additionalModules: [BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, ZeebePropertiesProviderModule, ZeebeBehaviorsModule, paletteModule, lintModule, formLinkModule, pluginTemplatesModule, ...translations, ...additionalModules],
    moddleExtensions: { zeebe: zeebeSchema },
    lint: { pluginTypes: plugins?.map((plugin) => plugin.taskType), language },
    elementTemplates: (plugins ?? []).map(pluginTemplate),
  } as ConstructorParameters<typeof Modeler>[0]);
  return new Designer(modeler);
}
