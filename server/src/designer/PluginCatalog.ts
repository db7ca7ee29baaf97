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

  /** Every plugin, by task type. */
  list(): PluginDescriptor[] {
    return [...this.plugins].sort((a, b) => a.taskType.localeCompare(b.taskType));
  }
}
