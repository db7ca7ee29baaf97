export { tenderRegistryOperations, tenderRegistryPlugin, type TenderRegistryOutput } from './tenderRegistryPlugin';
export { normalizeName, trigramSimilarity } from './trigramSimilarity';
export type { RegisterResult, SimilarTender, TenderApplication, TenderCall, TenderProductLine, TenderRegistry } from './TenderRegistry';
