/** A reason as the approver and the dealer read it, in both languages of the app. */
export interface CoverageReason {
  ru: string;
  en: string;
}

const ruNumber = (n: number) => new Intl.NumberFormat('ru-RU').format(n);
const enNumber = (n: number) => new Intl.NumberFormat('en-GB').format(n);
/** `2026-11-20` as Russian readers write it: 20.11.2026. */
const ruDate = (isoDate: string) => isoDate.split('-').reverse().join('.');

/** The sentences coverage is explained with; numbers and dates are written as each language writes them. */
export const coverageReasons = {
  withinLimits: (months: number, mileageKm: number): CoverageReason => ({
    ru: `в пределах ${months} мес. и ${ruNumber(mileageKm)} км`,
    en: `within ${months} months and ${enNumber(mileageKm)} km`,
  }),
  campaign: (code: string, title: string, defectCode: string): CoverageReason => ({
    ru: `сервисная кампания ${code} («${title}») покрывает дефект ${defectCode}`,
    en: `service campaign ${code} (${title}) covers defect ${defectCode}`,
  }),
  repairBeforeSale: (repairDate: string, saleDate: string): CoverageReason => ({
    ru: `дата ремонта ${ruDate(repairDate)} раньше продажи ${ruDate(saleDate)}`,
    en: `repair date ${repairDate} is before the sale on ${saleDate}`,
  }),
  warrantyEnded: (endsOn: string, months: number, saleDate: string): CoverageReason => ({
    ru: `гарантия закончилась ${ruDate(endsOn)} (${months} мес. с ${ruDate(saleDate)})`,
    en: `warranty ended on ${endsOn} (${months} months from ${saleDate})`,
  }),
  overMileage: (mileage: number, limitKm: number): CoverageReason => ({
    ru: `пробег ${ruNumber(mileage)} км больше лимита ${ruNumber(limitKm)} км`,
    en: `mileage ${enNumber(mileage)} km is over the ${enNumber(limitKm)} km limit`,
  }),
  unknownVin: (vin: string): CoverageReason => ({
    ru: `VIN ${vin} нет в реестре дистрибьютора`,
    en: `VIN ${vin} is not in the distributor's register`,
  }),
  noTerms: (model: string): CoverageReason => ({
    ru: `для модели ${model} нет гарантийных условий`,
    en: `no warranty terms for model ${model}`,
  }),
};
