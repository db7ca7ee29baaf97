/** How a decision table combines the rules that match (DMN 1.3 hit policies). */
export type HitPolicy = 'UNIQUE' | 'FIRST' | 'PRIORITY' | 'ANY' | 'COLLECT' | 'RULE ORDER' | 'OUTPUT ORDER';

/** The aggregation of a COLLECT table; none returns the list of outputs. */
export type Aggregation = 'SUM' | 'MIN' | 'MAX' | 'COUNT';

/** One output column: its name in the result and, for PRIORITY / OUTPUT ORDER, its values in priority order. */
export interface OutputColumn {
  name: string;
  priority?: unknown[];
}

/** One rule: a unary test per input column, an expression per output column ('' stands for "-" / null). */
export interface Rule {
  id: string;
  inputEntries: string[];
  outputEntries: string[];
}

/** A decision table. */
export interface DecisionTable {
  kind: 'table';
  hitPolicy: HitPolicy;
  aggregation?: Aggregation;
  /** The FEEL input expressions, one per input column. */
  inputs: string[];
  outputs: OutputColumn[];
  rules: Rule[];
}

/** A decision whose logic is one FEEL expression. */
export interface LiteralDecision {
  kind: 'literal';
  expression: string;
}

/** A compiled decision, with the decisions it requires evaluated first (their results are in its context under their ids). */
export interface DecisionModel {
  decisionId: string;
  name?: string;
  logic: DecisionTable | LiteralDecision;
  requires: string[];
}
