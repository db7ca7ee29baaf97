/** The embedded engine over a protocol compatible with the Zeebe gateway (gRPC) and the Camunda 8 REST API (v2). */
export { GatewayServer, GATEWAY_VERSION } from './GatewayServer';
export type { GatewayServerOptions } from './GatewayServer';
export type { GatewayLimits } from './rpc/Rpc';
export { RestServer } from './rest/RestServer';
export type { RestServerOptions } from './rest/RestServer';
export { loadGatewayService } from './protocol/loadGatewayService';
export { startStandaloneEngine } from './standalone/startStandaloneEngine';
export type { StandaloneEngine, StandaloneConfig } from './standalone/startStandaloneEngine';
export { configFromEnv } from './standalone/startStandaloneEngine';
export { openEngineStore } from './standalone/openEngineStore';
export type { OpenedStore } from './standalone/openEngineStore';
