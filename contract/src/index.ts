export { route, routeKey, successStatus, type MediaBody, type RequestOf, type ResponseOf, type RouteAuth, type RouteMethod, type RouteResponse, type RouteSpec, type SuccessStatus } from './route';
export { DateTime, ErrorBody, InstanceListState, Items, JsonObject, KeyParams, Nullable, Page, Query } from './common';
export * from './features/tasks';
export * from './features/approvals';
export * from './features/instances';
export * from './features/cases';
export * from './features/forms';
export * from './features/designer';
export * from './features/kpi';
export * from './features/dashboard';
export * from './features/docs';
export * from './features/savedViews';
export * from './features/health';
export * from './features/auth';
export * from './features/users';
export * from './features/dealers';
export * from './features/audit';
export * from './features/apiTokens';
export * from './features/notifications';
export * from './features/messages';
export * from './features/webhooks';
export * from './features/decisions';
export * from './features/deployments';
export * from './features/processStart';
export * from './features/caseFiles';
export * from './features/sandbox';
export * from './features/finance';
export * from './features/stock';
export * from './features/tenders';
export * from './features/leads';
export { apiRoutes, routesByKey } from './registry';
export { openApiDocument, openApiPath, type OpenApiDocument } from './openapi';

/** A list answer of the API. */
export interface ItemsResponse<T> {
  items: T[];
}

/** A page of a cursor-paged list. */
export interface PageResponse<T> {
  items: T[];
  nextCursor: string | null;
}
