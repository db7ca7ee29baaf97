import type { CoverageCatalog, RegisteredVehicle, ServiceCampaign, WarrantyTerms } from './CoverageCatalog';

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
  reasons: string[];
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

function warrantyReasons(vehicle: RegisteredVehicle, terms: WarrantyTerms, question: CoverageQuestion, endsOn: string): string[] {
  const reasons: string[] = [];
  if (question.repairDate < vehicle.saleDate) reasons.push(`repair date ${question.repairDate} is before the sale on ${vehicle.saleDate}`);
  if (question.repairDate > endsOn) reasons.push(`warranty ended on ${endsOn} (${terms.months} months from ${vehicle.saleDate})`);
  if (question.mileage > terms.mileageKm) reasons.push(`mileage ${question.mileage} km is over the ${terms.mileageKm} km limit`);
  return reasons;
}

/** Decides coverage: an open campaign for the defect covers it; otherwise the age and mileage limits decide. */
export async function assessCoverage(catalog: CoverageCatalog, question: CoverageQuestion): Promise<CoverageAnswer> {
  const none = { covered: false, coverage: 'none', campaignCode: null, warrantyEndsOn: null, mileageLimitKm: null } as const;
  const vehicle = await catalog.findVehicle(question.vin);
  if (!vehicle) return { ...none, reasons: [`VIN ${question.vin} is not in the distributor's register`] };

  const campaign = campaignCovering(await catalog.campaignsFor(vehicle), question);
  const terms = await catalog.termsFor(vehicle.model);
  const endsOn = terms ? addMonths(vehicle.saleDate, terms.months) : null;
  const limits = { warrantyEndsOn: endsOn, mileageLimitKm: terms?.mileageKm ?? null };
  if (campaign) {
    return { covered: true, coverage: 'campaign', campaignCode: campaign.code, ...limits, reasons: [`service campaign ${campaign.code} (${campaign.title}) covers defect ${question.defectCode}`] };
  }
  if (!terms || !endsOn) return { ...none, reasons: [`no warranty terms for model ${vehicle.model}`] };
  const reasons = warrantyReasons(vehicle, terms, question, endsOn);
  if (reasons.length) return { ...none, ...limits, reasons };
  return { covered: true, coverage: 'warranty', campaignCode: null, ...limits, reasons: [`within ${terms.months} months and ${terms.mileageKm} km`] };
}
