import DmnModeler, { type DmnView } from 'dmn-js/lib/Modeler';
import { activeTableOf, type ActiveTable } from './activeTable';
import { decisionGaps, type DecisionGap } from './decisionGaps';

/** A view the editor can switch to. */
export interface DecisionView {
  id: string;
  name: string;
  type: DmnView['type'];
  active: boolean;
}

type Listener = () => void;

/**
 * The decision editor: dmn-js's modeler for one DMN file, with its requirements diagram, decision
 * tables and literal expressions. Edits go through dmn-js's own command stacks; we only load, save,
 * switch views and report changes.
 */
export class DecisionEditor {
  private readonly modeler: DmnModeler;
  private readonly listeners = new Set<Listener>();
  private readonly watched = new WeakSet<object>();
  private dirty = false;

  constructor(container: HTMLElement) {
    this.modeler = new DmnModeler({ container, common: { keyboard: { bindTo: container } } });
    this.modeler.on('views.changed', () => {
      this.watchActiveViewer();
      this.notify();
    });
  }

  /** Each kind of view has its own viewer and command stack, created on first use; edits are heard on each. */
  private watchActiveViewer(): void {
    const viewer = this.modeler.getActiveViewer();
    if (!viewer || this.watched.has(viewer)) return;
    this.watched.add(viewer);
    viewer.get<{ on(event: string, callback: () => void): void }>('eventBus').on('elements.changed', () => {
      this.dirty = true;
      this.notify();
    });
  }

  /** Opens DMN XML; resolves to dmn-js's import warnings, rejects when it is not DMN. */
  async open(xml: string): Promise<string[]> {
    const { warnings } = await this.modeler.importXML(xml);
    const table = this.modeler.getViews().find((view) => view.type === 'decisionTable');
    if (table) await this.modeler.open(table);
    this.dirty = false;
    this.notify();
    return warnings.map((warning) => warning.message);
  }

  /** The file as formatted XML, leaving it marked as edited (for a deploy). */
  async xml(): Promise<string> {
    return (await this.modeler.saveXML({ format: true })).xml;
  }

  /** The file as formatted XML; marks it saved. */
  async save(): Promise<string> {
    const xml = await this.xml();
    this.dirty = false;
    this.notify();
    return xml;
  }

  /** Whether there are edits since the file was opened or saved. */
  isDirty(): boolean {
    return this.dirty;
  }

  /** The decision tables of the open file that would decide nothing (no rules, no output, an empty input). */
  gaps(): DecisionGap[] {
    return decisionGaps(this.modeler.getDefinitions());
  }

  /** The views of the open file, the active one marked. */
  views(): DecisionView[] {
    const active = this.modeler.getActiveView();
    return this.modeler.getViews().map((view) => ({
      id: view.element.id,
      name: view.element.name || view.element.id,
      type: view.type,
      active: !!active && active.element.id === view.element.id && active.type === view.type,
    }));
  }

  /** The decision table the active view shows, with its input columns; null for other views. */
  activeTable(): ActiveTable | null {
    const active = this.modeler.getActiveView();
    return active?.type === 'decisionTable' ? activeTableOf(active.element) : null;
  }

  /** Switches to a view by element id and type. */
  async openView(id: string, type: DmnView['type']): Promise<void> {
    const view = this.modeler.getViews().find((v) => v.element.id === id && v.type === type);
    if (view) await this.modeler.open(view);
  }

  /** Calls the listener when the views or the content change; returns the unsubscribe. */
  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tears the editor down. */
  destroy(): void {
    this.listeners.clear();
    this.modeler.destroy();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
