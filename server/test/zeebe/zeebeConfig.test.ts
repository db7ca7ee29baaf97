import { loadConfig, StartupError } from '../../src/config';

describe('the configuration of a server on a gateway', () => {
  it('reads the gateway addresses and the listener type the inbox is fed by', () => {
    const config = loadConfig({ ENGINE: 'zeebe', ZEEBE_GRPC_ADDRESS: 'grpc://engine:26500', ZEEBE_REST_ADDRESS: 'http://engine:8080' });
    expect(config).toMatchObject({ engine: 'zeebe', zeebeGrpcAddress: 'grpc://engine:26500', zeebeRestAddress: 'http://engine:8080', zeebeTaskListenerType: 'dealerflow-user-task-events' });
  });

  it('still takes ZEEBE_ADDRESS, the older name of the gRPC address, and a listener type of the cluster\'s choosing', () => {
    const config = loadConfig({ ENGINE: 'zeebe', ZEEBE_ADDRESS: 'grpc://old:26500', ZEEBE_REST_ADDRESS: 'http://engine:8080', ZEEBE_TASK_LISTENER_TYPE: 'inbox-events' });
    expect(config).toMatchObject({ zeebeGrpcAddress: 'grpc://old:26500', zeebeTaskListenerType: 'inbox-events' });
  });

  it('refuses ENGINE=zeebe without both addresses, naming them', () => {
    expect(() => loadConfig({ ENGINE: 'zeebe', ZEEBE_GRPC_ADDRESS: 'grpc://engine:26500' })).toThrow(/ZEEBE_GRPC_ADDRESS .* and ZEEBE_REST_ADDRESS/);
    expect(() => loadConfig({ ENGINE: 'zeebe', ZEEBE_REST_ADDRESS: 'http://engine:8080' })).toThrow(/ZEEBE_GRPC_ADDRESS/);
  });

  it('needs no gateway in process', () => {
    expect(loadConfig({})).toMatchObject({ engine: 'embedded', zeebeGrpcAddress: undefined, zeebeRestAddress: undefined });
  });

  it('needs no credentials on an unsecured gateway', () => {
    expect(loadConfig({ ENGINE: 'zeebe', ZEEBE_GRPC_ADDRESS: 'grpc://engine:26500', ZEEBE_REST_ADDRESS: 'http://engine:8080' }).zeebeOAuth).toBeUndefined();
  });
});

/** A Camunda 8 SaaS cluster's client credentials, as the console's download of them names them. */
const saas = {
  ENGINE: 'zeebe',
  ZEEBE_GRPC_ADDRESS: 'grpcs://5c0a7f3e-0d1b-4a2c-9e3f-2b1c0d9e8f7a.bru-2.zeebe.camunda.io:443',
  ZEEBE_REST_ADDRESS: 'https://bru-2.zeebe.camunda.io/5c0a7f3e-0d1b-4a2c-9e3f-2b1c0d9e8f7a',
  ZEEBE_CLIENT_ID: 'Xk2~client', ZEEBE_CLIENT_SECRET: 'the-secret', CAMUNDA_OAUTH_URL: 'https://login.cloud.camunda.io/oauth/token', ZEEBE_TOKEN_AUDIENCE: 'zeebe.camunda.io',
};

describe('the configuration of a server on a secured cluster (OAuth client credentials)', () => {
  it('reads the credentials of a SaaS cluster by the names the official clients read, without CAMUNDA_AUTH_STRATEGY', () => {
    expect(loadConfig(saas)).toMatchObject({
      zeebeGrpcAddress: saas.ZEEBE_GRPC_ADDRESS, zeebeRestAddress: saas.ZEEBE_REST_ADDRESS,
      zeebeOAuth: { url: 'https://login.cloud.camunda.io/oauth/token', clientId: 'Xk2~client', clientSecret: 'the-secret', audience: 'zeebe.camunda.io', scope: undefined, cacheDir: undefined },
    });
  });

  it('takes a Self-Managed identity\'s audience, scope and token cache, and the newer clients\' names', () => {
    const config = loadConfig({
      ENGINE: 'zeebe', ZEEBE_GRPC_ADDRESS: 'grpc://zeebe:26500', ZEEBE_REST_ADDRESS: 'http://zeebe:8080', CAMUNDA_AUTH_STRATEGY: 'oauth',
      CAMUNDA_CLIENT_ID: 'dealerflow', CAMUNDA_CLIENT_SECRET: 'kc-secret', CAMUNDA_OAUTH_URL: 'http://keycloak:18080/auth/realms/camunda-platform/protocol/openid-connect/token',
      CAMUNDA_TOKEN_AUDIENCE: 'orchestration-api', ZEEBE_TOKEN_AUDIENCE: 'zeebe-api', CAMUNDA_TOKEN_SCOPE: 'api://cluster/.default', CAMUNDA_TOKEN_CACHE_DIR: '/var/cache/dealerflow',
    });
    expect(config.zeebeOAuth).toEqual({ url: 'http://keycloak:18080/auth/realms/camunda-platform/protocol/openid-connect/token', clientId: 'dealerflow', clientSecret: 'kc-secret', audience: 'orchestration-api', scope: 'api://cluster/.default', cacheDir: '/var/cache/dealerflow' });
    expect(loadConfig({ ...saas, ZEEBE_TOKEN_AUDIENCE: '' }).zeebeOAuth?.audience).toBe('zeebe.camunda.io');
    expect(loadConfig({ ...saas, ZEEBE_REST_ADDRESS: '', CAMUNDA_REST_ADDRESS: 'https://bru-2.zeebe.camunda.io/c1/v2' }).zeebeRestAddress).toBe('https://bru-2.zeebe.camunda.io/c1');
  });

  it('turns the older scheme-less ZEEBE_ADDRESS of a SaaS cluster into a TLS address, and keeps a local one plain', () => {
    const { ZEEBE_GRPC_ADDRESS: _grpc, ...older } = saas;
    expect(loadConfig({ ...older, ZEEBE_ADDRESS: '5c0a7f3e.bru-2.zeebe.camunda.io:443' }).zeebeGrpcAddress).toBe('grpcs://5c0a7f3e.bru-2.zeebe.camunda.io:443');
    expect(loadConfig({ ...older, ZEEBE_ADDRESS: 'gateway.internal:26500', CAMUNDA_SECURE_CONNECTION: 'true' }).zeebeGrpcAddress).toBe('grpcs://gateway.internal:26500');
    expect(loadConfig({ ...older, ZEEBE_ADDRESS: 'zeebe:26500' }).zeebeGrpcAddress).toBe('grpc://zeebe:26500');
  });

  it('refuses, at start and by name, what cannot work', () => {
    expect(() => loadConfig({ ...saas, CAMUNDA_AUTH_STRATEGY: 'BASIC' })).toThrow('CAMUNDA_AUTH_STRATEGY must be OAUTH (client credentials) or NONE, got "BASIC"');
    expect(() => loadConfig({ ...saas, ZEEBE_CLIENT_SECRET: '' })).toThrow('CAMUNDA_AUTH_STRATEGY=OAUTH needs ZEEBE_CLIENT_SECRET');
    expect(() => loadConfig({ ...saas, CAMUNDA_AUTH_STRATEGY: 'OAUTH', ZEEBE_CLIENT_ID: '', ZEEBE_CLIENT_SECRET: '', CAMUNDA_OAUTH_URL: '' })).toThrow('needs ZEEBE_CLIENT_ID, ZEEBE_CLIENT_SECRET, CAMUNDA_OAUTH_URL');
    expect(() => loadConfig({ ...saas, CAMUNDA_OAUTH_URL: 'login.cloud.camunda.io/oauth/token' })).toThrow('CAMUNDA_OAUTH_URL must be the token endpoint\'s http(s) address');
    expect(() => loadConfig({ ...saas, ZEEBE_GRPC_ADDRESS: 'grpc://5c0a7f3e.bru-2.zeebe.camunda.io:443' })).toThrow('Camunda SaaS takes gRPC only over TLS');
    expect(() => loadConfig({ ...saas, ZEEBE_GRPC_ADDRESS: 'https://gateway:26500' })).toThrow('ZEEBE_GRPC_ADDRESS must be grpc://host:port or grpcs://host:port');
    expect(() => loadConfig({ ...saas, ZEEBE_REST_ADDRESS: 'bru-2.zeebe.camunda.io' })).toThrow('ZEEBE_REST_ADDRESS must be an http:// or https:// address');
    expect(() => loadConfig({ ...saas, ZEEBE_CLIENT_SECRET: '' })).toThrow(StartupError);
  });

  it('asks for nothing of the kind with the embedded engine', () => {
    expect(loadConfig({ ZEEBE_CLIENT_ID: 'x', CAMUNDA_AUTH_STRATEGY: 'BASIC' }).zeebeOAuth).toBeUndefined();
  });
});
