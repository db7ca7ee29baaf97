/** Tenders and the product catalog, as the API contract defines them (retired models still name the tenders that asked for them). */
export type { TenderProduct, TenderRow, TenderState } from '@dealerflow/contract';
