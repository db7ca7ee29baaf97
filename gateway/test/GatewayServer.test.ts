import { readFileSync } from 'node:fs';
import { status } from '@grpc/grpc-js';
import { RawClient } from './support/rawClient';
import { fixture, startTestGateway, uniqueType } from './support/testGateway';

describe('the gateway server', () => {
  it('on close, ends open long polls at once and job streams with UNAVAILABLE, then refuses new calls', async () => {
    const gateway = await startTestGateway('memory');
    const raw = new RawClient(gateway.address);
    try {
      await raw.call('DeployResource', { resources: [{ name: 'g_task.bpmn', content: readFileSync(fixture('g_task.bpmn')) }] });
      const pollEnded = new Promise<string>((resolve) => raw.stream('ActivateJobs', { type: uniqueType('idle'), maxJobsToActivate: 1, timeout: 1000, requestTimeout: 60_000 })
        .on('data', () => undefined).on('end', () => resolve('end')).on('error', (e) => resolve(`error ${e.message}`)));
      const streamEnded = new Promise<string>((resolve) => raw.stream('StreamActivatedJobs', { type: uniqueType('idle'), timeout: 1000 })
        .on('data', () => undefined).on('end', () => resolve('end')).on('error', (e) => resolve(`error ${e.message}`)));
      await new Promise((resolve) => setTimeout(resolve, 200));
      // a grace longer than the test: a call still open would be cut with an error, not end cleanly
      await gateway.gateway.close(60_000);
      await expect(pollEnded).resolves.toBe('end');
      await expect(streamEnded).resolves.toMatch(/^error 14 UNAVAILABLE: the gateway is shutting down/);
      await expect(raw.call('Topology', {})).rejects.toMatchObject({ code: status.UNAVAILABLE });
    } finally {
      raw.close();
      await gateway.close();
    }
  });
});
