import { parseDmn, type Resource } from '@dealerflow/engine';
import { AppError } from '../errors/AppError';

/**
 * Refuses a DMN file whose decision table has no rules: such a table (a new file's placeholder
 * above all) decides nothing, and a business rule task calling it would fail on every case.
 * Malformed files are left to the engine, which names their problems.
 */
export async function assertDecisionsDecide(resource: Resource): Promise<void> {
  const { decisions } = await parseDmn(resource.name, resource.content);
  const empty = decisions.filter((decision) => decision.logic.kind === 'table' && decision.logic.rules.length === 0);
  if (!empty.length) return;
  throw new AppError(400, 'empty_decision_table', `${resource.name}: ${empty.length} decision table(s) have no rules: ${empty.map((d) => d.decisionId).join(', ')}`,
    empty.map((decision) => ({ field: decision.decisionId, message: `the decision table "${decision.name ?? decision.decisionId}" has no rules` })));
}
