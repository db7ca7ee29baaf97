import { EmbeddedEngine, MemoryStore, NotFoundError, type JobHandler, type ProcessEngine } from '../src';

describe('the engine port', () => {
  it('types a job handler so it must return exactly one acknowledgement', () => {
    const completes: JobHandler = async (_job, act) => act.complete({ ok: true });
    const fails: JobHandler = async (job, act) => act.fail({ retries: job.retries - 1, retryBackOff: 1000, errorMessage: 'later' });
    const throwsBpmnError: JobHandler = async (_job, act) => act.error({ errorCode: 'CREDIT_DENIED' });
    // @ts-expect-error a handler that acknowledges nothing does not compile
    const forgets: JobHandler = async () => undefined;
    expect([completes, fails, throwsBpmnError, forgets]).toHaveLength(4);
  });

  it('is implemented by the embedded engine', async () => {
    const engine: ProcessEngine = new EmbeddedEngine({ store: new MemoryStore(), pollInterval: 0 });
    await expect(engine.completeUserTask('404', {})).rejects.toBeInstanceOf(NotFoundError);
    await expect(engine.completeJob('404', {})).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await engine.close();
  });
});
