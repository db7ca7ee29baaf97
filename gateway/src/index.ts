/** The embedded engine over a protocol compatible with the Zeebe gateway (gRPC) and the Camunda 8 REST API (v2). */
export {};
