import type ElementFactory from 'bpmn-js/lib/features/modeling/ElementFactory';
import type Create from 'diagram-js/lib/features/create/Create';
import type Palette from 'diagram-js/lib/features/palette/Palette';

type Translate = (text: string) => string;

/** The task kinds our processes are made of, besides bpmn-js's generic task. */
const tasks = [
  { key: 'user-task', type: 'bpmn:UserTask', title: 'Create user task' },
  { key: 'service-task', type: 'bpmn:ServiceTask', title: 'Create service task' },
] as const;

/** Adds user and service tasks to the palette, next to the generic task: our admins need them in one step. */
export class TaskPaletteProvider {
  static $inject = ['palette', 'create', 'elementFactory', 'translate'];

  constructor(
    palette: Palette,
    private readonly create: Create,
    private readonly elementFactory: ElementFactory,
    private readonly translate: Translate,
  ) {
    palette.registerProvider(this);
  }

  /** The palette entries this provider contributes. */
  getPaletteEntries() {
    return Object.fromEntries(
      tasks.map(({ key, type, title }) => {
        const start = (event: Event) => this.create.start(event, this.elementFactory.createShape({ type }));
        return [`create.${key}`, { group: 'activity', className: `bpmn-icon-${key}`, title: this.translate(title), action: { dragstart: start, click: start } }];
      }),
    );
  }
}
