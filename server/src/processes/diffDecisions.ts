import type { CellChange, DecisionDiff, RuleRow } from '@dealerflow/contract';
import type { DecisionModel } from '@dealerflow/engine';

type Table = Extract<DecisionModel['logic'], { kind: 'table' }>;

const hitPolicyOf = (table: Table) => (table.aggregation ? `${table.hitPolicy} ${table.aggregation}` : table.hitPolicy);
// Columns are named as people see them in the table's header.
const inputColumns = (table: Table) => table.inputs.map((input) => input.label ?? input.expression.trim());
const outputColumns = (table: Table) => table.outputs.map((output) => output.label ?? output.name);
const normal = (text: string) => (text.trim() === '-' ? '' : text.trim());

function rowOf(table: Table, index: number): RuleRow {
  const rule = table.rules[index];
  return {
    ruleId: rule.id,
    position: index + 1,
    inputs: inputColumns(table).map((column, i) => ({ column, value: normal(rule.inputEntries[i] ?? '') })),
    outputs: outputColumns(table).map((column, i) => ({ column, value: normal(rule.outputEntries[i] ?? '') })),
  };
}

/** The cells of a kept rule that differ, column by column (a column only one version has is reported as columns added or removed). */
function cellChanges(before: RuleRow, after: RuleRow): CellChange[] {
  const changes: CellChange[] = [];
  for (const kind of ['input', 'output'] as const) {
    const old = new Map((kind === 'input' ? before.inputs : before.outputs).map((cell) => [cell.column, cell.value]));
    for (const cell of kind === 'input' ? after.inputs : after.outputs) {
      const was = old.get(cell.column);
      if (was !== undefined && was !== cell.value) changes.push({ kind, column: cell.column, before: was, after: cell.value });
    }
  }
  return changes;
}

function empty(decision: DecisionModel, deployedVersion: number | null): DecisionDiff {
  const kind = decision.logic.kind === 'table' || decision.logic.kind === 'literal' ? decision.logic.kind : 'other';
  return { decisionId: decision.decisionId, name: decision.name ?? decision.decisionId, deployedVersion, kind, inputsAdded: [], inputsRemoved: [], outputsAdded: [], outputsRemoved: [], rulesAdded: [], rulesRemoved: [], rulesChanged: [], kindChanged: false, unchanged: false };
}

/** Compares two decision tables: columns, hit policy, and rules matched by their ids. */
function diffTables(diff: DecisionDiff, before: Table, after: Table): void {
  if (hitPolicyOf(before) !== hitPolicyOf(after)) diff.hitPolicy = { before: hitPolicyOf(before), after: hitPolicyOf(after) };
  const added = (now: string[], was: string[]) => now.filter((column) => !was.includes(column));
  diff.inputsAdded = added(inputColumns(after), inputColumns(before));
  diff.inputsRemoved = added(inputColumns(before), inputColumns(after));
  diff.outputsAdded = added(outputColumns(after), outputColumns(before));
  diff.outputsRemoved = added(outputColumns(before), outputColumns(after));
  const oldRows = new Map(before.rules.map((rule, i) => [rule.id, rowOf(before, i)]));
  const newIds = new Set(after.rules.map((rule) => rule.id));
  after.rules.forEach((rule, i) => {
    const row = rowOf(after, i);
    const old = oldRows.get(rule.id);
    if (!old) diff.rulesAdded.push(row);
    else {
      const cells = cellChanges(old, row);
      if (cells.length) diff.rulesChanged.push({ ruleId: rule.id, position: row.position, cells });
    }
  });
  diff.rulesRemoved = [...oldRows.values()].filter((row) => !newIds.has(row.ruleId));
}

/** What `after` (about to be deployed) changes against `before` (deployed as `deployedVersion`; null: nothing deployed yet). */
export function diffDecision(after: DecisionModel, before: DecisionModel | null, deployedVersion: number | null): DecisionDiff {
  const diff = empty(after, before ? deployedVersion : null);
  if (!before) return diff;
  if (before.logic.kind !== after.logic.kind) {
    diff.kindChanged = true;
  } else if (before.logic.kind === 'table' && after.logic.kind === 'table') {
    diffTables(diff, before.logic, after.logic);
  } else if (before.logic.kind === 'literal' && after.logic.kind === 'literal') {
    if (before.logic.expression.trim() !== after.logic.expression.trim()) diff.expression = { before: before.logic.expression.trim(), after: after.logic.expression.trim() };
  } else if (JSON.stringify(before.logic) !== JSON.stringify(after.logic)) {
    diff.kindChanged = true;
  }
  const lists = [diff.inputsAdded, diff.inputsRemoved, diff.outputsAdded, diff.outputsRemoved, diff.rulesAdded, diff.rulesRemoved, diff.rulesChanged];
  diff.unchanged = !diff.kindChanged && !diff.hitPolicy && !diff.expression && lists.every((list) => list.length === 0);
  return diff;
}
