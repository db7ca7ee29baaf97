import { Instances1733400000000 } from './1733400000000-Instances';
import { defineModule } from '../modules/FeatureModule';
import { ElementStatistic } from './ElementStatistic';
import { ElementVisit } from './ElementVisit';
import { Heatmap } from './Heatmap';
import { IncidentRecord } from './IncidentRecord';
import { IncidentService } from './IncidentService';
import { InstanceProjection } from './InstanceProjection';
import { InstanceQuery } from './InstanceQuery';
import { instanceRoutes } from './instanceRoutes';
import { InstanceView } from './InstanceView';
import { ProcessInstanceRecord } from './ProcessInstanceRecord';
import { projectInstances } from './projectInstances';

/** The instance list with its statistics, one instance's view, incidents and the heatmap. */
export const instancesModule = defineModule({
  name: 'instances',
  entities: [ProcessInstanceRecord, IncidentRecord, ElementVisit, ElementStatistic],
  migrations: [Instances1733400000000],
  needs: ['processes'],
  makes: ['instances', 'instanceView', 'incidents', 'heatmap'],
  services: ({ dataSource, engine, options, processes }) => ({
    instances: new InstanceQuery(dataSource),
    instanceView: new InstanceView(dataSource, engine, processes, options.pluginTypes),
    incidents: new IncidentService(dataSource, engine, processes),
    heatmap: new Heatmap(dataSource),
  }),
  routes: (s) => [instanceRoutes(s.instances, s.instanceView, s.incidents, s.heatmap)],
  feed: (s) => [projectInstances(new InstanceProjection(), s.audit)],
});
