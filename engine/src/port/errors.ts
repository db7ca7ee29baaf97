/** Codes of the engine's typed errors. */
export type EngineErrorCode = 'NOT_FOUND' | 'INVALID_ARGUMENT' | 'INVALID_MODEL' | 'INVALID_STATE' | 'ALREADY_EXISTS';

/** A problem in a deployed model, naming the element. */
export interface ModelProblem {
  elementId?: string;
  resourceName?: string;
  message: string;
}

/** The engine's error: a code the caller maps (NOT_FOUND → 404/409), a message and details. */
export class EngineError extends Error {
  constructor(readonly code: EngineErrorCode, message: string, readonly details: unknown = undefined) {
    super(message);
    this.name = 'EngineError';
  }
}

/** Thrown when a key (task, job, instance, incident) does not exist or is no longer open. */
export class NotFoundError extends EngineError {
  constructor(what: string, key: string) {
    super('NOT_FOUND', `${what} ${key} not found or no longer active`, { key });
    this.name = 'NotFoundError';
  }
}

/** Thrown by deploy when a model is rejected; details lists every problem with its element. */
export class InvalidModelError extends EngineError {
  constructor(readonly problems: ModelProblem[]) {
    super('INVALID_MODEL', problems.map((p) => (p.elementId ? `${p.elementId}: ${p.message}` : p.message)).join('; '), { problems });
    this.name = 'InvalidModelError';
  }
}
