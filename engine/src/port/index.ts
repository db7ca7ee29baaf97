export type * from './types';
export type * from './jobs';
export * from './events';
export type * from './search';
export type { ProcessEngine, Clock, ResolveIncidentOptions } from './ProcessEngine';
export { EngineError, NotFoundError, InvalidModelError } from './errors';
export type { EngineErrorCode, ModelProblem } from './errors';
export type { ServableEngine, JobsActivatableListener, JobPushTarget, SetVariablesOptions, DecisionRef, DecisionEvaluation, FormRef, StartFormLink, MessageCorrelation, ActivateInstruction, InstanceModification } from './ServableEngine';
