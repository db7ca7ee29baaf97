import { EvaluationBudgetError, setEvaluationBudget, type EvaluationBudget } from 'feelin';

/**
 * The most work one FEEL evaluation may do. FEEL runs synchronously on the event loop, so
 * this bounds how long one expression can hold up every other request: 10 000 iterations
 * (range elements, loop and filter rounds, function calls) take about 50 ms. The time
 * limit only catches bodies that are slow per iteration; the count is what normally stops.
 */
export const FEEL_BUDGET: EvaluationBudget = { iterations: 10_000, millis: 1_000 };

// without the patch (an install that skipped its postinstall) FEEL would run unbounded: refuse to start
if (typeof setEvaluationBudget !== 'function') throw new Error('feelin lacks the evaluation budget: install with scripts enabled so patches/ is applied');
setEvaluationBudget(FEEL_BUDGET);

/** Why an evaluation was stopped, when it was the budget ("more than N iterations"); undefined for any other error. */
export function budgetExceeded(error: unknown): string | undefined {
  return error instanceof EvaluationBudgetError ? error.message : undefined;
}
