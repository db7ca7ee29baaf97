import { Camunda8 } from '@camunda8/sdk';
import { createCamundaClient } from '@camunda8/orchestration-cluster-api';
import type { TestGateway } from './testGateway';

/** The official orchestration cluster client on the test gateway's REST API, validating every response strictly against its own schema. */
export function orchestrationClient(gateway: TestGateway) {
  return createCamundaClient({
    config: { CAMUNDA_REST_ADDRESS: gateway.restAddress, CAMUNDA_AUTH_STRATEGY: 'NONE', CAMUNDA_SDK_VALIDATION: 'req:none,res:strict', CAMUNDA_SDK_LOG_LEVEL: 'silent' },
  } as Parameters<typeof createCamundaClient>[0]);
}

/** The official SDK's Camunda8 facade on the test gateway's REST API (its REST client and its orchestration cluster client). */
export function sdkRest(gateway: TestGateway): Camunda8 {
  return new Camunda8({ ZEEBE_REST_ADDRESS: gateway.restAddress, CAMUNDA_REST_ADDRESS: gateway.restAddress, CAMUNDA_AUTH_STRATEGY: 'NONE', CAMUNDA_LOG_LEVEL: 'none' } as ConstructorParameters<typeof Camunda8>[0]);
}

/** A raw request to the REST API, for what the official clients never send (unsupported filters, malformed keys). */
export async function rawRest(gateway: TestGateway, method: string, path: string, body?: unknown): Promise<{ status: number; contentType: string | null; body: unknown }> {
  const response = await fetch(`${gateway.restAddress}/v2${path}`, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, contentType: response.headers.get('content-type'), body: text ? JSON.parse(text) : undefined };
}
