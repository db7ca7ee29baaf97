import { DesignerDrafts1733300000000 } from './1733300000000-DesignerDrafts';
import { defineModule } from '../modules/FeatureModule';
import { DesignerDraft } from './DesignerDraft';
import { DesignerDraftService } from './DesignerDraftService';
import { designerRoutes } from './designerRoutes';
import { PluginCatalog } from './PluginCatalog';

/** The process designer's drafts and the running plugins it offers as element templates. */
export const designerModule = defineModule({
  name: 'designer',
  entities: [DesignerDraft],
  migrations: [DesignerDrafts1733300000000],
  needs: ['audit'],
  makes: ['designerDrafts', 'plugins'],
  services: ({ dataSource, options, audit }) => ({ designerDrafts: new DesignerDraftService(dataSource, audit), plugins: new PluginCatalog(options.plugins ?? []) }),
  routes: (s) => [designerRoutes(s.designerDrafts, s.plugins, s.versions)],
});
