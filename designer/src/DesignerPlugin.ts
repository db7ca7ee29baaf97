/**
 * A registered plugin as the designer knows it. Today only its task type is used (lint);
 * the `plugin-templates` feature will turn the schemas into element templates.
 */
export interface DesignerPlugin {
  taskType: string;
  /** Human name for the palette and the template chooser. */
  name?: string;
  /** JSON Schema of the job's input variables. */
  input?: object;
  /** JSON Schema of the job's output variables. */
  output?: object;
}
