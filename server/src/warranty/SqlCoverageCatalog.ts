import type { CoverageCatalog, RegisteredVehicle, ServiceCampaign as CampaignFacts, WarrantyTerms as TermsFacts } from '@dealerflow/plugins';
import type { DataSource } from 'typeorm';
import { ServiceCampaign } from './ServiceCampaign';
import { Vehicle } from './Vehicle';
import { WarrantyTerms } from './WarrantyTerms';

/** The warranty-coverage plugin's facts, read from the vehicle, terms and campaign tables. */
export class SqlCoverageCatalog implements CoverageCatalog {
  constructor(private readonly dataSource: DataSource) {}

  async findVehicle(vin: string): Promise<RegisteredVehicle | null> {
    const vehicle = await this.dataSource.getRepository(Vehicle).findOneBy({ vin });
    return vehicle && { vin: vehicle.vin, model: vehicle.model, saleDate: vehicle.saleDate, dealerId: vehicle.dealerId };
  }

  async termsFor(model: string): Promise<TermsFacts | null> {
    const terms = await this.dataSource.getRepository(WarrantyTerms).findOneBy({ model });
    return terms && { months: terms.months, mileageKm: terms.mileageKm };
  }

  async campaignsFor(vehicle: RegisteredVehicle): Promise<CampaignFacts[]> {
    const campaigns = await this.dataSource.getRepository(ServiceCampaign).findBy({ model: vehicle.model });
    return campaigns
      .filter((c) => c.vins === null || c.vins.includes(vehicle.vin))
      .map((c) => ({ code: c.code, title: c.title, defectCodes: c.defectCodes, openUntil: c.openUntil }));
  }
}
