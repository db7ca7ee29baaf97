import { Type, type Static } from '@sinclair/typebox';
import { route } from '../route';
import { Nullable } from '../common';

/** The KPI measures, in the order the page shows them. */
export const kpiMeasures = ['leadsTaken', 'responseP50', 'responseP90', 'conversion', 'tenderWinRate', 'warrantyCycle'] as const;
export type KpiMeasure = (typeof kpiMeasures)[number];
export const KpiMeasure = Type.Union(kpiMeasures.map((measure) => Type.Literal(measure)));

/** A month, YYYY-MM. */
export const monthPattern = '^[0-9]{4}-(0[1-9]|1[0-2])$';

/** How a measure reads (a count, seconds, or a share from 0 to 1) and which way is good. */
export const KpiMeasureInfo = Type.Object({
  id: KpiMeasure,
  unit: Type.Union([Type.Literal('count'), Type.Literal('seconds'), Type.Literal('ratio')]),
  better: Type.Union([Type.Literal('higher'), Type.Literal('lower')]),
});
export interface KpiMeasureInfo {
  id: KpiMeasure;
  unit: 'count' | 'seconds' | 'ratio';
  better: 'higher' | 'lower';
}

/** One measure of one dealer. */
export const KpiCell = Type.Object({ plan: Nullable(Type.Number()), fact: Nullable(Type.Number()) });
export type KpiCell = Static<typeof KpiCell>;

/** A dealer's month: every measure, whether the user may set its plans, and how many cases the facts rest on. */
export const DealerKpis = Type.Object({
  dealerId: Type.String(),
  dealerName: Type.String(),
  editable: Type.Boolean(),
  measures: Type.Object(Object.fromEntries(kpiMeasures.map((measure) => [measure, KpiCell])) as Record<KpiMeasure, typeof KpiCell>),
  basis: Type.Object({ responses: Type.Integer(), tendersDecided: Type.Integer(), claimsClosed: Type.Integer() }),
});
export interface DealerKpis {
  dealerId: string;
  dealerName: string;
  editable: boolean;
  measures: Record<KpiMeasure, KpiCell>;
  basis: { responses: number; tendersDecided: number; claimsClosed: number };
}

/** The KPI page's answer for one month. */
export const KpiReport = Type.Object({ month: Type.String({ pattern: monthPattern }), measures: Type.Array(KpiMeasureInfo), dealers: Type.Array(DealerKpis) });
export interface KpiReport {
  month: string;
  measures: KpiMeasureInfo[];
  dealers: DealerKpis[];
}

/** A plan edit: `target` null removes the plan. */
export const PlanEdit = Type.Object(
  { dealerId: Type.String({ minLength: 1, maxLength: 32 }), measure: KpiMeasure, target: Nullable(Type.Number({ minimum: 0, maximum: 1_000_000_000 })) },
  { additionalProperties: false },
);
export interface PlanEdit {
  dealerId: string;
  measure: KpiMeasure;
  target: number | null;
}

export const PlansSave = Type.Object({ month: Type.String({ pattern: monthPattern }), plans: Type.Array(PlanEdit, { minItems: 1, maxItems: 500 }) }, { additionalProperties: false });

/** Dealer KPIs of a month and their plans. */
export const kpiRoutes = {
  report: route({
    method: 'GET',
    path: '/api/kpi',
    summary: "Dealer KPIs of a month (this month when none is given): plan against fact",
    tags: ['kpi'],
    auth: 'user',
    query: Type.Object({ month: Type.Optional(Type.String({ pattern: monthPattern })), dealerId: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })) }, { additionalProperties: false }),
    responses: { 200: KpiReport },
  }),
  savePlans: route({ method: 'PUT', path: '/api/kpi/plans', summary: "Sets or removes dealers' plans for a month", tags: ['kpi'], auth: 'user', body: PlansSave, responses: { 200: Type.Object({ month: Type.String(), saved: Type.Integer() }) } }),
};
