/** A registered plugin as the designer knows it: lint checks task types, `plugin-templates` makes element templates. */
export interface DesignerPlugin {
  taskType: string;
  /** Human name for the palette and the template chooser. */
  name?: string;
  /** What it does, shown with its template. */
  description?: string;
  /** JSON Schema of the job's input variables. */
  input?: object;
  /** JSON Schema of the job's output variables. */
  output?: object;
}
