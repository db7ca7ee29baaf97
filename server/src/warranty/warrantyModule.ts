import { Warranty1732400000000 } from './1732400000000-Warranty';
import { defineModule } from '../modules/FeatureModule';
import { ServiceCampaign } from './ServiceCampaign';
import { Vehicle } from './Vehicle';
import { WarrantyTerms } from './WarrantyTerms';

/** Warranty coverage data: vehicles, warranty terms and service campaigns (read by the coverage plugin). */
export const warrantyModule = defineModule({
  name: 'warranty',
  entities: [Vehicle, WarrantyTerms, ServiceCampaign],
  migrations: [Warranty1732400000000],
});
