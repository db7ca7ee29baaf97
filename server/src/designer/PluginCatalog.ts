import type { CurrentUser } from '../auth/CurrentUser';
import { assertDesigner } from './designerAccess';

/** A registered plugin as the designer needs it: its task type, names and JSON Schemas. */
export interface PluginDescriptor {
  taskType: string;
  title: string;
  description: string;
  input: object;
  output: object;
}

/** The plugins the running workers serve, for the designer's element templates. */
export class PluginCatalog {
  private readonly plugins: PluginDescriptor[];

  constructor(plugins: readonly PluginDescriptor[]) {
    this.plugins = plugins.map(({ taskType, title, description, input, output }) => ({ taskType, title, description, input, output }));
  }

  /** Every plugin, by task type; a 403 unless `user` may use the designer. */
  list(user: CurrentUser): PluginDescriptor[] {
    assertDesigner(user, 'read');
    return [...this.plugins].sort((a, b) => a.taskType.localeCompare(b.taskType));
  }
}
