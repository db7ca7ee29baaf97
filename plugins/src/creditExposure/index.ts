export { creditExposurePlugin, type CreditExposureOutput } from './creditExposurePlugin';
export type { CreditLedger, Exposure, OverdraftGrant } from './CreditLedger';
