const fs = require('node:fs');
const path = require('node:path');

/**
 * Ends every jest run with one plain line, "N passed, N failed, N skipped", and keeps it in
 * test-artifacts/summary.txt so .ci/run can print it as the very last line of the log.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const line = `${results.numPassedTests} passed, ${results.numFailedTests} failed, ${results.numPendingTests + results.numTodoTests} skipped`;
    const dir = path.join(__dirname, '..', 'test-artifacts');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'summary.txt'), `${line}\n`);
    process.stdout.write(`\n${line}\n`);
  }
}

module.exports = SummaryReporter;
