// A Jest reporter: after the run, says how many tests ran against a real OpenTofu or Terraform binary (their
// describe titles name it, e.g. "OpenTofu 1.12.6"; see test/helpers/terraform-binary.ts), or that none did.
const REAL = /\b(OpenTofu|Terraform) \d+\.\d+\.\d+(?:-[0-9A-Za-z.]+)?/;
const SKIPPED = /no real binary/;

class RealBinaryReporter {
  onRunComplete(_contexts, results) {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    const binaries = new Set();
    let unavailable = 0;
    for (const file of results.testResults) {
      for (const test of file.testResults) {
        const titles = test.ancestorTitles.join(' › ');
        const real = REAL.exec(titles);
        if (real) {
          binaries.add(real[0]);
          if (test.status === 'passed') counts.passed++;
          else if (test.status === 'failed') counts.failed++;
          else counts.skipped++;
        } else if (SKIPPED.test(titles)) unavailable++;
      }
    }
    const total = counts.passed + counts.failed;
    const line =
      total > 0
        ? `Real-binary suites against ${[...binaries].join(', ')}: ${counts.passed} tests passed, ${counts.failed} failed` +
          (counts.skipped > 0 ? `, ${counts.skipped} skipped` : '')
        : unavailable === 0
          ? 'No real-binary suite in this run (the tests selected use the stand-in alone).'
          : `Real-binary suites not run (${unavailable} tests skipped): no OpenTofu or Terraform binary; ` +
            'run `npm run tools` (needs Go) or set STRATA_TERRAFORM to one. The stand-in ran everything else.';
    process.stdout.write(`\n${line}\n`);
  }
}

module.exports = RealBinaryReporter;
