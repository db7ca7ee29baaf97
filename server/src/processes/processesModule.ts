import { StagedUploads } from '../attachments/StagedUploads';
import { Catalog1732700000000 } from './1732700000000-Catalog';
import { DecisionDefinitions1735200000001 } from './1735200000001-DecisionDefinitions';
import { defineModule } from '../modules/FeatureModule';
import { DecisionDefinition } from './DecisionDefinition';
import { decisionVersionRoutes } from './decisionVersionRoutes';
import { DecisionVersions } from './DecisionVersions';
import { DeploymentService } from './DeploymentService';
import { FormCatalog } from './FormCatalog';
import { FormRecord } from './FormRecord';
import { ProcessDefinition } from './ProcessDefinition';
import { processRoutes } from './processRoutes';
import { ProcessService } from './ProcessService';
import { versionRoutes } from './versionRoutes';
import { VersionService } from './VersionService';

/**
 * Deployed processes, decisions and forms: deploying, starting, reading and cancelling
 * instances, and versions. Starting checks and attaches a start form's staged uploads, so the
 * uploads are made here (the attachments feature serves them).
 */
export const processesModule = defineModule({
  name: 'processes',
  entities: [ProcessDefinition, FormRecord, DecisionDefinition],
  migrations: [Catalog1732700000000, DecisionDefinitions1735200000001],
  needs: ['audit', 'tenders'],
  makes: ['formCatalog', 'uploads', 'processes', 'deployments', 'versions', 'decisionVersions'],
  services: ({ dataSource, engine, options, audit, tenders }) => {
    const formCatalog = new FormCatalog(dataSource);
    const uploads = new StagedUploads(dataSource, audit, options.attachmentsDir);
    const deployments = new DeploymentService(dataSource, engine, audit, options.pluginTypes);
    return {
      formCatalog,
      uploads,
      processes: new ProcessService(dataSource, engine, formCatalog, { uploads, startChecks: { 'tender-reservation': tenders.checkApplication } }),
      deployments,
      versions: new VersionService(dataSource, deployments),
      decisionVersions: new DecisionVersions(dataSource),
    };
  },
  routes: (s) => [processRoutes(s.processes, s.deployments, s.comments), versionRoutes(s.versions), decisionVersionRoutes(s.decisionVersions)],
});
