import type { ItemType } from './itemTypes';

/** How a decision table combines the rules that match (DMN 1.3 hit policies). */
export type HitPolicy = 'UNIQUE' | 'FIRST' | 'PRIORITY' | 'ANY' | 'COLLECT' | 'RULE ORDER' | 'OUTPUT ORDER';

/** The aggregation of a COLLECT table; none returns the list of outputs. */
export type Aggregation = 'SUM' | 'MIN' | 'MAX' | 'COUNT';

/** One input column: its FEEL expression and the type its values are converted to before the rules test them. */
export interface InputColumn {
  expression: string;
  /** What people call the column (the modeler's header), if it has a label. */
  label?: string;
  typeRef?: string;
  /** The id of a rule whose entry compares the column with a date, time or duration literal. */
  temporalRule?: string;
}

/** One output column: its name in the result and, for PRIORITY / OUTPUT ORDER, its values in priority order. */
export interface OutputColumn {
  name: string;
  /** What people call the column (the modeler's header), if it has a label. */
  label?: string;
  priority?: unknown[];
  /** The default output entry, used when no rule matched. */
  defaultValue?: string;
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
  inputs: InputColumn[];
  outputs: OutputColumn[];
  rules: Rule[];
}

/** One FEEL expression. */
export interface LiteralDecision {
  kind: 'literal';
  expression: string;
  typeRef?: string;
}

/** A boxed context: named entries evaluated in order, each seeing the ones before; an unnamed last entry is the result. */
export interface ContextExpression {
  kind: 'context';
  entries: Array<{ name?: string; typeRef?: string; value: BoxedExpression }>;
}

/** A boxed invocation of a function (a business knowledge model) with named arguments. */
export interface Invocation {
  kind: 'invocation';
  callee: string;
  bindings: Array<{ name: string; value?: BoxedExpression }>;
}

/** A boxed function definition; only FEEL functions can be invoked. */
export interface FunctionDefinition {
  kind: 'function';
  functionKind: string;
  parameters: Array<{ name: string; typeRef?: string }>;
  body?: BoxedExpression;
  /** The type of its result. */
  typeRef?: string;
}

/** A boxed relation: a list of contexts with the same columns. */
export interface Relation {
  kind: 'relation';
  columns: string[];
  rows: BoxedExpression[][];
}

/** A boxed list. */
export interface ListExpression {
  kind: 'list';
  items: BoxedExpression[];
}

/** A boxed conditional (DMN 1.5): then when the condition is true, else otherwise. */
export interface Conditional {
  kind: 'conditional';
  condition: BoxedExpression;
  then: BoxedExpression;
  otherwise: BoxedExpression;
}

/** A boxed filter (DMN 1.5): the items of a list for which the match, with `item` bound, is true. */
export interface Filter {
  kind: 'filter';
  list: BoxedExpression;
  match: BoxedExpression;
}

/** A boxed for, some or every (DMN 1.5) over the items of a list, each bound to the iterator variable. */
export interface Iterator {
  kind: 'iterator';
  mode: 'for' | 'some' | 'every';
  variable: string;
  list: BoxedExpression;
  body: BoxedExpression;
}

/** A boxed expression we cannot evaluate; it fails only the decision that uses it. */
export interface Unsupported {
  kind: 'unsupported';
  what: string;
}

/** The decision logic of a decision, business knowledge model or context entry. */
export type BoxedExpression = DecisionTable | LiteralDecision | ContextExpression | Invocation | FunctionDefinition | Relation | ListExpression | Conditional | Filter | Iterator | Unsupported;

/** A business knowledge model or decision service: a function bound under its variable name in the decisions that require it. */
export interface KnowledgeModel {
  id: string;
  variableName: string;
  /** A function definition (business knowledge model) or the service's decisions. */
  logic: FunctionDefinition | Unsupported | DecisionService;
  /** Ids of the business knowledge models this one calls. */
  knowledge: string[];
}

/** A decision service: its parameters are its input decisions and input data, its result its output decisions. */
export interface DecisionService {
  kind: 'service';
  outputDecisions: string[];
  inputDecisions: string[];
  inputData: string[];
  /** The typeRefs of its parameters (input data first, then input decisions) and of the service itself. */
  inputTypes: Array<string | undefined>;
  typeRef?: string;
}

/** A compiled decision, with the decisions and knowledge models it requires. */
export interface DecisionModel {
  decisionId: string;
  name?: string;
  /** The name its result is bound under in the decisions that require it: its variable's name, else its name, else its id. */
  variableName: string;
  typeRef?: string;
  logic: BoxedExpression;
  /** Ids of the decisions it requires. */
  requires: string[];
  /** Ids of the business knowledge models and decision services it requires. */
  knowledge: string[];
  /** The business knowledge models and decision services of the same resource, by id. */
  models?: Map<string, KnowledgeModel>;
  /** The item definitions of the same resource, by name. */
  types?: Map<string, ItemType>;
}
