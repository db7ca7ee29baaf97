import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';

/** The protocol definition ships with the Apache-2.0 client package; it is loaded at run time, never copied. */
const PROTO_MODULE = '@camunda8/sdk/dist/proto/zeebe.proto';

/** The gateway service as the installed client package defines it. */
export interface GatewayService {
  definition: grpc.ServiceDefinition;
  /** The method names of the service, as the protocol spells them (`ActivateJobs`, ...). */
  methods: string[];
}

let cached: GatewayService | undefined;

/** Loads the gateway service definition from the installed client package (once per process). */
export function loadGatewayService(): GatewayService {
  if (cached) return cached;
  const file = require.resolve(PROTO_MODULE);
  // the same options the official JS clients use, so field names and int64 strings match theirs
  const pkg = protoLoader.loadSync(file, { keepCase: true, longs: String, enums: String, defaults: true, oneofs: true });
  const loaded = grpc.loadPackageDefinition(pkg) as unknown as { gateway_protocol: { Gateway: grpc.ServiceClientConstructor } };
  const definition = loaded.gateway_protocol.Gateway.service;
  cached = { definition, methods: Object.keys(definition) };
  return cached;
}
