/**
 * The load generator, in its own process so it does not share the server's event loop:
 * receives autocannon options over IPC, runs them, sends the result back and exits.
 */
import autocannon from 'autocannon';

process.once('message', (options: autocannon.Options) => {
  void autocannon(options).then((result) => {
    process.send!(result, () => process.exit(0));
  });
});
