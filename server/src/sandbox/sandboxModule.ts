import type { PluginLogger } from '@dealerflow/plugins';
import { defineModule } from '../modules/FeatureModule';
import { SqlCoverageCatalog } from '../warranty/SqlCoverageCatalog';
import { decisionTestRunRoutes } from './decisionTestRunRoutes';
import { sandboxPlugins } from './sandboxPlugins';
import { sandboxRoutes } from './sandboxRoutes';
import { SandboxService } from './SandboxService';

const quiet: PluginLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Test runs of a draft diagram or decision, with the plugins' side effects kept in the run. */
export const sandboxModule = defineModule({
  name: 'sandbox',
  needs: ['forms'],
  makes: ['sandbox'],
  services: ({ dataSource, options, forms }) => {
    const coverage = new SqlCoverageCatalog(dataSource);
    return {
      sandbox: new SandboxService({
        plugins: (effects) => sandboxPlugins(coverage, effects),
        lookupForm: async (id) => (await forms.get(id))?.form ?? null,
        log: options.sandboxLog ?? quiet,
      }),
    };
  },
  routes: (s) => [sandboxRoutes(s.sandbox), decisionTestRunRoutes()],
});
