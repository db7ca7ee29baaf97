import type Modeler from 'bpmn-js/lib/Modeler';
import type CommandStack from 'diagram-js/lib/command/CommandStack';
import type Canvas from 'diagram-js/lib/core/Canvas';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type EventBus from 'diagram-js/lib/core/EventBus';
import type Selection from 'diagram-js/lib/features/selection/Selection';
import type { LintIssue } from './lint';
import { LINT_CHANGED, type DesignerLint } from './features/lint/DesignerLint';
import { newDiagramXml } from './newDiagramXml';

/** What the page needs to know to draw its toolbar. */
export interface DesignerState {
  canUndo: boolean;
  canRedo: boolean;
  /** Changed since the last import or save. */
  dirty: boolean;
}

/** A diagram in transit between two designers (say, when the language changes). */
export interface DesignerSnapshot {
  xml: string;
  dirty: boolean;
}

/** The modeler as the web app uses it: documents in and out, history, lint issues, selection. */
export class Designer {
  private savedAt = 0;

  constructor(readonly modeler: Modeler) {}

  /** Starts a new, empty Camunda 8 diagram. */
  async newDiagram(): Promise<void> {
    await this.open(newDiagramXml());
  }

  /** Opens a diagram (as unsaved when `dirty`); resolves with the importer's warnings (unknown elements, broken references). */
  async open(xml: string, { dirty = false } = {}): Promise<string[]> {
    // Reset before importing: listeners read the state on `import.done`, inside importXML.
    const savedBefore = this.savedAt;
    this.savedAt = dirty ? -1 : 0;
    let warnings: unknown[];
    try {
      ({ warnings } = await this.modeler.importXML(xml));
    } catch (error) {
      // Unparseable XML leaves the open diagram as it was.
      this.savedAt = savedBefore;
      this.notify();
      throw error;
    }
    this.fit();
    return warnings.map((warning) => String((warning as { message?: string }).message ?? warning));
  }

  /** The diagram as formatted XML; marks it saved. */
  async save(): Promise<string> {
    const { xml } = await this.modeler.saveXML({ format: true });
    this.savedAt = this.commandStack()._stackIdx + 1;
    this.notify();
    return xml ?? '';
  }

  /** The diagram and whether it is unsaved, without marking it saved. */
  async snapshot(): Promise<DesignerSnapshot> {
    const { dirty } = this.state();
    const { xml } = await this.modeler.saveXML({ format: true });
    return { xml: xml ?? '', dirty };
  }

  /** Undoes the last edit. */
  undo(): void {
    this.commandStack().undo();
  }

  /** Redoes the last undone edit. */
  redo(): void {
    this.commandStack().redo();
  }

  /** History and save state. */
  state(): DesignerState {
    const stack = this.commandStack();
    return { canUndo: stack.canUndo(), canRedo: stack.canRedo(), dirty: stack._stackIdx + 1 !== this.savedAt };
  }

  /** The issues of the latest lint run. */
  issues(): LintIssue[] {
    return this.modeler.get<DesignerLint>('lint').getIssues();
  }

  /** Lints at once instead of waiting for the debounce. */
  lintNow(): Promise<LintIssue[]> {
    return this.modeler.get<DesignerLint>('lint').lint();
  }

  /** Selects the element and scrolls it into view; false when it no longer exists. */
  select(id: string): boolean {
    const element = this.modeler.get<ElementRegistry>('elementRegistry').get(id);
    if (!element) return false;
    this.modeler.get<Selection>('selection').select(element);
    this.modeler.get<Canvas>('canvas').scrollToElement(element);
    return true;
  }

  /** The element's name, or its id when it has none (or no longer exists). */
  labelOf(id: string): string {
    const name = (this.modeler.get<ElementRegistry>('elementRegistry').get(id)?.businessObject as { name?: string } | undefined)?.name?.trim();
    return name || id;
  }

  /** The id of the diagram's process (of the first participant's process in a collaboration), or null. */
  processId(): string | null {
    const root = this.modeler.get<Canvas>('canvas').getRootElement().businessObject as { $type: string; id?: string; participants?: { processRef?: { id?: string } }[] } | undefined;
    if (root?.$type === 'bpmn:Collaboration') return root.participants?.find((participant) => participant.processRef?.id)?.processRef?.id ?? null;
    return root?.id ?? null;
  }

  /** The ids of the forms the diagram's start events and user tasks link (`zeebe:formDefinition`), each once. */
  formIds(): string[] {
    const ids = new Set<string>();
    for (const element of this.modeler.get<ElementRegistry>('elementRegistry').getAll()) {
      const values = ((element.businessObject as { extensionElements?: { values?: Record<string, unknown>[] } } | undefined)?.extensionElements?.values ?? []);
      for (const value of values) {
        const id = value.$type === 'zeebe:FormDefinition' ? (value.externalReference ?? value.formId) : undefined;
        if (typeof id === 'string' && id.trim()) ids.add(id.trim());
      }
    }
    return [...ids];
  }

  /** Calls `listener` with new issues after each lint run; answers the unsubscribe. */
  onIssues(listener: (issues: LintIssue[]) => void): () => void {
    const handler = (event: unknown) => listener((event as { issues: LintIssue[] }).issues);
    this.eventBus().on(LINT_CHANGED, handler);
    return () => this.eventBus().off(LINT_CHANGED, handler);
  }

  /** Calls `listener` after every edit, undo, redo, import and save; answers the unsubscribe. */
  onStateChange(listener: (state: DesignerState) => void): () => void {
    const handler = () => listener(this.state());
    const events = ['commandStack.changed', 'import.done', 'designer.saved'];
    events.forEach((event) => this.eventBus().on(event, handler));
    return () => events.forEach((event) => this.eventBus().off(event, handler));
  }

  /** Tears the modeler down. */
  destroy(): void {
    this.modeler.destroy();
  }

  /** Shows the whole diagram at 100% or smaller, clear of the palette that floats over the canvas's left edge. */
  fit(): void {
    const canvas = this.modeler.get<Canvas>('canvas');
    const container = canvas.getContainer();
    const palette = container.querySelector('.djs-palette')?.getBoundingClientRect();
    const margin = 24;
    const left = (palette ? palette.right - container.getBoundingClientRect().left : 0) + margin;
    const { inner, outer } = canvas.viewbox();
    if (!inner.width || !inner.height) return;
    const scale = Math.min(1, (outer.width - left - margin) / inner.width, (outer.height - 2 * margin) / inner.height);
    canvas.viewbox({ x: inner.x - left / scale, y: inner.y - margin / scale, width: outer.width / scale, height: outer.height / scale });
  }

  private notify(): void {
    this.eventBus().fire('designer.saved');
  }

  private commandStack(): CommandStack & { _stackIdx: number } {
    return this.modeler.get<CommandStack & { _stackIdx: number }>('commandStack');
  }

  private eventBus(): EventBus {
    return this.modeler.get<EventBus>('eventBus');
  }
}
