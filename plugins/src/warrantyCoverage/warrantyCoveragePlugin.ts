import { definePlugin, type Plugin } from '../definePlugin';
import { assessCoverage, type CoverageAnswer, type CoverageQuestion } from './assessCoverage';
import type { CoverageCatalog } from './CoverageCatalog';

const isoDate = { type: 'string', format: 'date' };

/** Service task type `warranty-coverage`: is this claim covered by warranty or a service campaign? */
export function warrantyCoveragePlugin(catalog: CoverageCatalog): Plugin<CoverageQuestion, CoverageAnswer> {
  return definePlugin<CoverageQuestion, CoverageAnswer>({
    taskType: 'warranty-coverage',
    title: 'Warranty coverage check',
    description: 'Checks vehicle age and mileage against the model warranty, and open service campaigns for the defect.',
    input: {
      type: 'object',
      properties: {
        vin: { type: 'string', pattern: '^[A-HJ-NPR-Z0-9]{17}$', title: 'VIN' },
        mileage: { type: 'integer', minimum: 0, maximum: 2_000_000, title: 'Mileage, km' },
        repairDate: { ...isoDate, title: 'Repair date' },
        defectCode: { type: 'string', minLength: 1, maxLength: 32, title: 'Defect code' },
      },
      required: ['vin', 'mileage', 'repairDate', 'defectCode'],
    },
    output: {
      type: 'object',
      properties: {
        covered: { type: 'boolean' },
        coverage: { enum: ['warranty', 'campaign', 'none'] },
        campaignCode: { type: ['string', 'null'] },
        warrantyEndsOn: { anyOf: [isoDate, { type: 'null' }] },
        mileageLimitKm: { type: ['integer', 'null'] },
        /** Each reason in both languages of the app. */
        reasons: { type: 'array', items: { type: 'object', properties: { ru: { type: 'string' }, en: { type: 'string' } }, required: ['ru', 'en'], additionalProperties: false } },
      },
      required: ['covered', 'coverage', 'campaignCode', 'warrantyEndsOn', 'mileageLimitKm', 'reasons'],
      additionalProperties: false,
    },
    run: (input) => assessCoverage(catalog, input),
  });
}
