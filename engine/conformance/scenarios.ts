import type { Scenario } from './Scenario';
import { boundariesAndScopes } from './scenarios/boundariesAndScopes';
import { decisions } from './scenarios/decisions';
import { gatewaysAndEvents } from './scenarios/gatewaysAndEvents';
import { tasksAndJobs } from './scenarios/tasksAndJobs';

/** Every conformance scenario; each engine implementation must pass all of them. */
export const scenarios: Scenario[] = [...tasksAndJobs, ...gatewaysAndEvents, ...boundariesAndScopes, ...decisions];
