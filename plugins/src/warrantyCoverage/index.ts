export { addMonths, assessCoverage, type CoverageAnswer, type CoverageQuestion } from './assessCoverage';
export type { CoverageCatalog, RegisteredVehicle, ServiceCampaign, WarrantyTerms } from './CoverageCatalog';
export { warrantyCoveragePlugin } from './warrantyCoveragePlugin';
