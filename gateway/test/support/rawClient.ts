import * as grpc from '@grpc/grpc-js';
import { loadGatewayService } from '../../src';

type Callback = (error: grpc.ServiceError | null, response: Record<string, unknown>) => void;

/** A bare gRPC client of the gateway service, for what the SDKs do not expose (raw status codes, job streams). */
export class RawClient {
  private readonly client: grpc.Client & Record<string, (...args: unknown[]) => unknown>;

  constructor(address: string) {
    const Client = grpc.makeClientConstructor(loadGatewayService().definition, 'Gateway');
    this.client = new Client(address, grpc.credentials.createInsecure()) as never;
  }

  /** Calls a unary RPC by its protocol name. */
  call(method: string, request: Record<string, unknown>): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      (this.client[method] as (req: unknown, cb: Callback) => void).call(this.client, request, (error: grpc.ServiceError | null, response: Record<string, unknown>) => (error ? reject(error) : resolve(response)));
    });
  }

  /** Opens a server stream by its protocol name. */
  stream(method: string, request: Record<string, unknown>): grpc.ClientReadableStream<Record<string, unknown>> {
    return (this.client[method] as (req: unknown) => grpc.ClientReadableStream<Record<string, unknown>>).call(this.client, request);
  }

  /** Closes the channel. */
  close(): void {
    this.client.close();
  }
}
