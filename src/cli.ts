import { processOutput } from './cli/output.js';
import { runCli } from './cli/run-cli.js';

const output = processOutput(process.stdout, process.stderr);

// A cancelled GitHub job sends SIGINT, then SIGTERM: both stop new work and are forwarded to running Terraform
// processes once, so they can release their state locks before Strata exits.
const controller = new AbortController();
let interruptedBy: NodeJS.Signals | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    interruptedBy ??= signal;
    output.err(`strata: ${signal} received; waiting for running Terraform commands to stop\n`);
    controller.abort();
  });
}

process.exitCode = await runCli(process.argv.slice(2), output, {
  cwd: process.cwd(),
  env: process.env,
  signal: controller.signal,
  interruptedBy: () => interruptedBy,
});
