/** A vehicle as the distributor registered its sale. */
export interface RegisteredVehicle {
  vin: string;
  model: string;
  /** ISO date (YYYY-MM-DD) the warranty starts. */
  saleDate: string;
  dealerId: string;
}

/** Warranty limits of a model: whichever runs out first ends the warranty. */
export interface WarrantyTerms {
  months: number;
  mileageKm: number;
}

/** A recall or service campaign: the distributor pays for its repair whatever the warranty says. */
export interface ServiceCampaign {
  code: string;
  title: string;
  /** Defect codes the campaign fixes. */
  defectCodes: string[];
  /** ISO date after which the campaign is closed. */
  openUntil: string;
}

/** Where the coverage check reads its facts; the server backs it with database tables. */
export interface CoverageCatalog {
  findVehicle(vin: string): Promise<RegisteredVehicle | null>;
  termsFor(model: string): Promise<WarrantyTerms | null>;
  /** Campaigns that include this vehicle, open or not. */
  campaignsFor(vehicle: RegisteredVehicle): Promise<ServiceCampaign[]>;
}
