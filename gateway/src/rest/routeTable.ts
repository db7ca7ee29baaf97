import { clockRoutes } from './routes/clock';
import { decisionDefinitionRoutes } from './routes/decisionDefinitions';
import { deploymentRoutes } from './routes/deployments';
import { elementInstanceRoutes } from './routes/elementInstances';
import { incidentRoutes } from './routes/incidents';
import { jobRoutes } from './routes/jobs';
import { messageRoutes } from './routes/messages';
import { processDefinitionRoutes } from './routes/processDefinitions';
import { processInstanceModificationRoutes } from './routes/processInstanceModification';
import { processInstanceRoutes } from './routes/processInstances';
import { signalRoutes } from './routes/signals';
import { topologyRoutes } from './routes/topology';
import { userTaskRoutes } from './routes/userTasks';
import { variableRoutes } from './routes/variables';
import type { RestRoute } from './RestRoute';

/** Every resource this server answers under /v2, one route module per resource; other paths answer 404. */
export const routeTable: RestRoute[][] = [
  topologyRoutes,
  deploymentRoutes,
  processInstanceRoutes,
  processInstanceModificationRoutes,
  jobRoutes,
  messageRoutes,
  signalRoutes,
  userTaskRoutes,
  incidentRoutes,
  elementInstanceRoutes,
  variableRoutes,
  processDefinitionRoutes,
  decisionDefinitionRoutes,
  clockRoutes,
];
