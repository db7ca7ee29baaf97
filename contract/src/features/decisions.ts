import { Type, type Static } from '@sinclair/typebox';
import { route } from '../route';
import { DateTime, JsonObject, Nullable, Query } from '../common';

/** One cell of a rule: its column (its label, else an input's expression or an output's name) and its text ('' stands for "-", any value). */
export const RuleCell = Type.Object({ column: Type.String(), value: Type.String() });
export type RuleCell = Static<typeof RuleCell>;

/** A rule as a list shows it: where it stands (1-based) and its cells. */
export const RuleRow = Type.Object({ ruleId: Type.String(), position: Type.Integer(), inputs: Type.Array(RuleCell), outputs: Type.Array(RuleCell) });
export type RuleRow = Static<typeof RuleRow>;

/** A cell of a rule kept across versions whose text changed. */
export const CellChange = Type.Object({ kind: Type.Union([Type.Literal('input'), Type.Literal('output')]), column: Type.String(), before: Type.String(), after: Type.String() });
export type CellChange = Static<typeof CellChange>;

/** A rule kept across versions (same id) with its changed cells; `position` is where it stands now. */
export const RuleChange = Type.Object({ ruleId: Type.String(), position: Type.Integer(), cells: Type.Array(CellChange) });
export type RuleChange = Static<typeof RuleChange>;

const BeforeAfter = Type.Object({ before: Type.String(), after: Type.String() });

/** What a decision's new version changes against the one deployed (`deployedVersion` null: nothing deployed, a first version). */
export const DecisionDiff = Type.Object({
  decisionId: Type.String(),
  name: Type.String(),
  deployedVersion: Nullable(Type.Integer()),
  /** What the decision is now: a table, a literal expression, or another boxed expression. */
  kind: Type.Union([Type.Literal('table'), Type.Literal('literal'), Type.Literal('other')]),
  /** The hit policy (with its aggregation, e.g. "COLLECT SUM"), only when it changed. */
  hitPolicy: Type.Optional(BeforeAfter),
  inputsAdded: Type.Array(Type.String()),
  inputsRemoved: Type.Array(Type.String()),
  outputsAdded: Type.Array(Type.String()),
  outputsRemoved: Type.Array(Type.String()),
  rulesAdded: Type.Array(RuleRow),
  rulesRemoved: Type.Array(RuleRow),
  rulesChanged: Type.Array(RuleChange),
  /** A literal expression's text, only when it changed. */
  expression: Type.Optional(BeforeAfter),
  /** Whether the decision's logic was of another kind before (a table that became an expression, say). */
  kindChanged: Type.Boolean(),
  /** Nothing the decision decides by changed. */
  unchanged: Type.Boolean(),
});
export type DecisionDiff = Static<typeof DecisionDiff>;

/** What a DMN file about to be deployed changes, decision by decision. */
export const DecisionReview = Type.Object({ decisions: Type.Array(DecisionDiff) });
export type DecisionReview = Static<typeof DecisionReview>;

/** A DMN file for review: a plain `.dmn` name and its XML. */
export const DecisionReviewRequest = Type.Object(
  { name: Type.String({ pattern: '^[^/\\\\]{1,200}\\.dmn$' }), content: Type.String({ minLength: 1, maxLength: 5_000_000 }) },
  { additionalProperties: false },
);
export type DecisionReviewRequest = Static<typeof DecisionReviewRequest>;

/** A deployed decision version with its DMN document. */
export const DecisionDocument = Type.Object({
  decisionId: Type.String(),
  version: Type.Integer(),
  key: Type.String(),
  resourceName: Type.String(),
  deployedAt: DateTime,
  deployedBy: Type.String(),
  xml: Type.String(),
});
export type DecisionDocument = Static<typeof DecisionDocument>;

/** A test run of a decision of a draft DMN: which decision (the first when omitted) with which inputs. */
export const DecisionTestRunRequest = Type.Object(
  { xml: Type.String({ minLength: 1, maxLength: 2_000_000 }), decisionId: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })), variables: Type.Optional(JsonObject) },
  { additionalProperties: false },
);
export type DecisionTestRunRequest = Static<typeof DecisionTestRunRequest>;

/** A rule of a decision table that matched: its id and its number in the table (1-based, as people count). */
export const MatchedRule = Type.Object({ ruleId: Type.String(), index: Type.Integer() });
export type MatchedRule = Static<typeof MatchedRule>;

/** One evaluated decision: its result as JSON and, for a table, the rules that gave it (empty for other decisions). */
export const DecisionStep = Type.Object({ decisionId: Type.String(), output: Type.Unknown(), matchedRules: Type.Array(MatchedRule) });
export type DecisionStep = Static<typeof DecisionStep>;

/** The requested decision's step, with the steps of the decisions it required, in evaluation order. */
export const DecisionExplanation = Type.Object({ ...DecisionStep.properties, requiredDecisions: Type.Array(DecisionStep) });
export type DecisionExplanation = Static<typeof DecisionExplanation>;

/** DMN decisions: reviewing a file before its deploy, reading a deployed version, and test runs of drafts. */
export const decisionRoutes = {
  review: route({ method: 'POST', path: '/api/decisions/review', summary: 'What a DMN file would change against the deployed decisions', tags: ['decisions'], auth: 'user', body: DecisionReviewRequest, responses: { 200: DecisionReview } }),
  version: route({
    method: 'GET',
    path: '/api/decisions/:decisionId/versions/:version',
    summary: 'One deployed decision version with its DMN',
    tags: ['decisions'],
    auth: 'user',
    params: Type.Object({ decisionId: Type.String(), version: Query.version }),
    responses: { 200: DecisionDocument },
  }),
  testRun: route({ method: 'POST', path: '/api/decisions/test-runs', summary: 'Evaluates a decision of a draft DMN and names the rules that matched; nothing is written', tags: ['decisions'], auth: 'user', body: DecisionTestRunRequest, responses: { 200: DecisionExplanation } }),
};
