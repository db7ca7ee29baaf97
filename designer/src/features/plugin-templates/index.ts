import { CloudElementTemplatesPropertiesProviderModule } from 'bpmn-js-element-templates';
import 'bpmn-js-element-templates/dist/assets/element-templates.css';
import { PluginTemplateMenu } from './PluginTemplateMenu';

/**
 * The `plugin-templates` feature: Camunda 8 element templates (pass them as the modeler's
 * `elementTemplates`, see `pluginTemplate`), their fields in the properties panel, and a menu
 * that applies a plugin's template to a task.
 */
export default {
  __depends__: [CloudElementTemplatesPropertiesProviderModule],
  __init__: ['pluginTemplateMenu'],
  pluginTemplateMenu: ['type', PluginTemplateMenu],
};
