import { loadConfig } from '../../src/config';

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
});
