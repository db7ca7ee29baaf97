/**
 * Thrown by a plugin for a business outcome the process models (an error boundary event
 * with this code catches it), as opposed to a technical failure that is retried.
 */
export class BpmnError extends Error {
  constructor(readonly code: string, message = code, readonly variables: Record<string, unknown> = {}) {
    super(message);
    this.name = 'BpmnError';
  }
}
