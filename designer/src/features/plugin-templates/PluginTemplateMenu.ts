import { is } from 'bpmn-js/lib/util/ModelUtil';
import type Canvas from 'diagram-js/lib/core/Canvas';
import type EventBus from 'diagram-js/lib/core/EventBus';
import type ContextPad from 'diagram-js/lib/features/context-pad/ContextPad';
import type { ContextPadEntries } from 'diagram-js/lib/features/context-pad/ContextPadProvider';
import type PopupMenu from 'diagram-js/lib/features/popup-menu/PopupMenu';
import type Modeling from 'bpmn-js/lib/features/modeling/Modeling';
import type { Element, Shape } from 'diagram-js/lib/model/Types';
import type { ElementTemplate } from './pluginTemplate';

type Translate = (text: string, replacements?: Record<string, string>) => string;

/** The part of bpmn-js-element-templates' `elementTemplates` service the menu uses. */
interface ElementTemplates {
  getAll(): ElementTemplate[];
  get(element: Element): ElementTemplate | null;
  applyTemplate(element: Element, template: ElementTemplate): Element;
}

/** The popup menu id, for `popupMenu.open(element, PLUGIN_TEMPLATE_MENU, ...)`. */
export const PLUGIN_TEMPLATE_MENU = 'plugin-templates';

/** Plain and service tasks take a plugin; other task kinds keep their own meaning. */
function takesPlugin(element: Element): boolean {
  return is(element, 'bpmn:ServiceTask') || (element as Shape).type === 'bpmn:Task';
}

/**
 * Offers the plugins' element templates for a task: from a context pad entry and from the
 * properties panel's "Select" template button. Choosing one applies it through the
 * `elementTemplates` command, so undo restores the task as it was.
 */
export class PluginTemplateMenu {
  static $inject = ['popupMenu', 'contextPad', 'elementTemplates', 'modeling', 'canvas', 'eventBus', 'translate'];

  constructor(
    private readonly popupMenu: PopupMenu,
    contextPad: ContextPad,
    private readonly elementTemplates: ElementTemplates,
    private readonly modeling: Modeling,
    private readonly canvas: Canvas,
    eventBus: EventBus,
    private readonly translate: Translate,
  ) {
    popupMenu.registerProvider(PLUGIN_TEMPLATE_MENU, this);
    contextPad.registerProvider(this);
    eventBus.on('elementTemplates.select', (event: { element: Element }) => this.open(event.element));
  }

  /** The templates that plugins contribute, by name. */
  templates(): ElementTemplate[] {
    return this.elementTemplates
      .getAll()
      .filter((template) => template.category?.id === 'dealerflow-plugins')
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Opens the template menu for `element`, at `at` (screen coordinates) or below the element. */
  open(element: Element, at?: { x: number; y: number }): void {
    if (!takesPlugin(element)) return;
    this.popupMenu.open(element, PLUGIN_TEMPLATE_MENU, at ?? this.below(element), { title: this.translate('Choose a plugin'), search: true, width: 320 });
  }

  /** The popup menu's entries: one per plugin template, the applied one marked. */
  getPopupMenuEntries(element: Element) {
    const applied = this.elementTemplates.get(element)?.id;
    return Object.fromEntries(
      this.templates().map((template) => [
        `plugin-template-${template.id}`,
        {
          label: template.name,
          description: template.description,
          className: template.id === applied ? 'bpmn-icon-service df-plugin-template--applied' : 'bpmn-icon-service',
          action: () => this.apply(element, template),
        },
      ]),
    );
  }

  /** Applies `template`; a task without a name is named after the plugin (the template keeps a name the admin typed, even an empty one). */
  apply(element: Element, template: ElementTemplate): Element {
    const applied = this.elementTemplates.applyTemplate(element, template);
    const name = (applied.businessObject as { name?: string } | undefined)?.name;
    if (!name?.trim()) this.modeling.updateProperties(applied as Parameters<Modeling['updateProperties']>[0], { name: template.name });
    return applied;
  }

  /** The context pad entry of a task: choose a plugin. */
  getContextPadEntries(element: Element): ContextPadEntries {
    if (!takesPlugin(element) || !this.templates().length) return {};
    return {
      'apply-plugin-template': {
        group: 'edit',
        className: 'bpmn-icon-service df-plugin-template-entry',
        title: this.translate('Choose a plugin'),
        action: { click: (event: Event) => this.open(element, { x: (event as MouseEvent).clientX, y: (event as MouseEvent).clientY + 8 }) },
      },
    };
  }

  private below(element: Element): { x: number; y: number } {
    const shape = element as Shape;
    const viewbox = this.canvas.viewbox();
    const container = this.canvas.getContainer().getBoundingClientRect();
    return { x: container.left + (shape.x - viewbox.x) * viewbox.scale, y: container.top + (shape.y + shape.height - viewbox.y) * viewbox.scale };
  }
}
