import type { CoverageCatalog, RegisteredVehicle, ServiceCampaign, WarrantyTerms } from './CoverageCatalog';
import { coverageReasons, type CoverageReason } from './coverageReasons';

/** The facts of a claim that coverage depends on. */
export interface CoverageQuestion {
  vin: string;
  mileage: number;
  /** ISO date of the repair. */
  repairDate: string;
  defectCode: string;
}

/** Why a claim is or is not covered, for the approver and the dealer. */
export interface CoverageAnswer {
  covered: boolean;
  coverage: 'warranty' | 'campaign' | 'none';
  campaignCode: string | null;
  warrantyEndsOn: string | null;
  mileageLimitKm: number | null;
  reasons: CoverageReason[];
}

/** The day `months` after `isoDate`, clamped to the month's end (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(isoDate: string, months: number): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

function campaignCovering(campaigns: ServiceCampaign[], question: CoverageQuestion): ServiceCampaign | undefined {
  return campaigns.find((c) => c.defectCodes.includes(question.defectCode) && question.repairDate <= c.openUntil);
}

function warrantyReasons(vehicle: RegisteredVehicle, terms: WarrantyTerms, question: CoverageQuestion, endsOn: string): CoverageReason[] {
  const reasons: CoverageReason[] = [];
  if (question.repairDate < vehicle.saleDate) reasons.push(coverageReasons.repairBeforeSale(question.repairDate, vehicle.saleDate));
  if (question.repairDate > endsOn) reasons.push(coverageReasons.warrantyEnded(endsOn, terms.months, vehicle.saleDate));
  if (question.mileage > terms.mileageKm) reasons.push(coverageReasons.overMileage(question.mileage, terms.mileageKm));
  return reasons;
}

/** Decides coverage: an open campaign for the defect covers it; otherwise the age and mileage limits decide. */
export async function assessCoverage(catalog: CoverageCatalog, question: CoverageQuestion): Promise<CoverageAnswer> {
  const none = { covered: false, coverage: 'none', campaignCode: null, warrantyEndsOn: null, mileageLimitKm: null } as const;
  const vehicle = await catalog.findVehicle(question.vin);
  if (!vehicle) return { ...none, reasons: [coverageReasons.unknownVin(question.vin)] };

  const campaign = campaignCovering(await catalog.campaignsFor(vehicle), question);
  const terms = await catalog.termsFor(vehicle.model);
  const endsOn = terms ? addMonths(vehicle.saleDate, terms.months) : null;
  const limits = { warrantyEndsOn: endsOn, mileageLimitKm: terms?.mileageKm ?? null };
  if (campaign) {
    return { covered: true, coverage: 'campaign', campaignCode: campaign.code, ...limits, reasons: [coverageReasons.campaign(campaign.code, campaign.title, question.defectCode)] };
  }
  if (!terms || !endsOn) return { ...none, reasons: [coverageReasons.noTerms(vehicle.model)] };
  const reasons = warrantyReasons(vehicle, terms, question, endsOn);
  if (reasons.length) return { ...none, ...limits, reasons };
  return { covered: true, coverage: 'warranty', campaignCode: null, ...limits, reasons: [coverageReasons.withinLimits(terms.months, terms.mileageKm)] };
}
