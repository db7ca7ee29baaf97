import { RawClient } from './rawClient';

/** A worker process that activates one job of a type with a short timeout, prints its key and never completes it (the test kills it). */
const [address, type, timeout] = process.argv.slice(2);
const raw = new RawClient(address);
raw.stream('ActivateJobs', { type, worker: 'stalling', maxJobsToActivate: 1, timeout: Number(timeout), requestTimeout: 10_000 })
  .on('data', (d: { jobs: Array<{ key: string }> }) => {
    for (const job of d.jobs) console.log(`activated ${job.key}`);
  })
  .on('error', (error) => console.error(error));
setInterval(() => undefined, 60_000);
