/** Why a decision cannot be deployed as it is. */
export type DecisionGapKind = 'noRules' | 'noOutputs' | 'emptyInput';

/** A decision of the open file that would decide nothing, named for the review. */
export interface DecisionGap {
  decisionId: string;
  name: string;
  kind: DecisionGapKind;
}

interface ModdleNode {
  id?: string;
  name?: string;
  $type?: string;
  drgElement?: ModdleNode[];
  decisionLogic?: ModdleNode;
  rule?: unknown[];
  input?: { inputExpression?: { text?: string } }[];
  output?: unknown[];
}

/**
 * The decision tables of DMN definitions (as dmn-js holds them) that cannot decide anything: no
 * rules (a new file's placeholder table above all), no output column, or an input column without
 * an expression. Literal expressions and other boxed logic are the engine's to check.
 */
export function decisionGaps(definitions: unknown): DecisionGap[] {
  const gaps: DecisionGap[] = [];
  for (const element of (definitions as ModdleNode | undefined)?.drgElement ?? []) {
    const table = element.decisionLogic;
    if (element.$type !== 'dmn:Decision' || table?.$type !== 'dmn:DecisionTable') continue;
    const gap = (kind: DecisionGapKind) => gaps.push({ decisionId: element.id ?? '', name: element.name?.trim() || element.id || '', kind });
    if (!table.rule?.length) gap('noRules');
    if (!table.output?.length) gap('noOutputs');
    if (table.input?.some((input) => !input.inputExpression?.text?.trim())) gap('emptyInput');
  }
  return gaps;
}
