/** A decision that could not be evaluated; the engine raises a DECISION_EVALUATION_ERROR incident. */
export class DecisionError extends Error {
  constructor(readonly decisionId: string, message: string) {
    super(`decision '${decisionId}': ${message}`);
    this.name = 'DecisionError';
  }
}
