/** Loose typing for the moddle element tree: the engine reads it once when compiling. */
export interface ModdleElement {
  $type: string;
  id?: string;
  name?: string;
  [key: string]: unknown;
}
