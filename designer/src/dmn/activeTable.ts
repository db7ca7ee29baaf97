/** One input column of a decision table: what the admin fills in to try the table. */
export interface TableInput {
  id: string;
  /** The column's label, else its input expression. */
  label: string;
  /** The input expression, usually a variable name or path such as `claim.mileageKm`. */
  expression: string;
  typeRef?: string;
}

/** One output column: its name in the result and the label people see. */
export interface TableOutput {
  name: string;
  label: string;
}

/** The decision table a view shows, as far as trying it needs. */
export interface ActiveTable {
  decisionId: string;
  name: string;
  inputs: TableInput[];
  outputs: TableOutput[];
}

interface ModdleNode {
  id?: string;
  name?: string;
  label?: string;
  $type?: string;
  decisionLogic?: ModdleNode;
  input?: ModdleNode[];
  output?: ModdleNode[];
  inputExpression?: { text?: string; typeRef?: string };
}

/** Reads a decision's table inputs from its model element; null when its logic is not a table. */
export function activeTableOf(decision: ModdleNode): ActiveTable | null {
  const logic = decision.decisionLogic;
  if (!logic || logic.$type !== 'dmn:DecisionTable' || !decision.id) return null;
  return {
    decisionId: decision.id,
    name: decision.name || decision.id,
    inputs: (logic.input ?? []).map((input, index) => {
      const expression = input.inputExpression?.text?.trim() ?? '';
      return { id: input.id ?? `input${index + 1}`, label: input.label || expression || `#${index + 1}`, expression, typeRef: input.inputExpression?.typeRef };
    }),
    outputs: (logic.output ?? []).map((output, index) => ({ name: output.name ?? '', label: output.label || output.name || `#${index + 1}` })),
  };
}
