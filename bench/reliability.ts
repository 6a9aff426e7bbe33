/**
 * Reliability figures for docs/reliability.md. Run with `npm run bench:reliability` (after `npm run build`).
 *
 * Prints:
 *   - faults injected and handled: the fault scenarios of the end-to-end tests (test/e2e/cli-faults and
 *     test/e2e/cli-dr), each injecting a fault through the stand-in and checking what Strata did, run with jest;
 *   - fuzz cases run and crashes found: scripts/fuzz-manifest.ts with --runs (default 20000) and --seed;
 *   - the large-output case: a layer whose plan prints tens of MB of text, planned through dist/cli.js, with
 *     the peak resident memory of the Strata process alone (sampled from /proc, so the Terraform stand-in's own
 *     memory is not counted), the size of its plan log and the wall time.
 * Options: --runs N, --seed S, --skip-faults, --skip-fuzz, --skip-large.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1]! : fallback;
};

function faults() {
  const output = path.join(mkdtempSync(path.join(os.tmpdir(), 'strata-bench-faults-')), 'jest.json');
  spawnSync(
    process.execPath,
    [
      '--experimental-vm-modules',
      path.join(root, 'node_modules/jest/bin/jest.js'),
      'test/e2e/cli-faults',
      'test/e2e/cli-dr',
      '--json',
      `--outputFile=${output}`,
    ],
    { cwd: root, stdio: 'ignore' },
  );
  const report = JSON.parse(readFileSync(output, 'utf8')) as {
    numTotalTests: number;
    numPassedTests: number;
    numFailedTests: number;
  };
  console.log(
    `faults: ${report.numTotalTests} fault scenarios injected, ${report.numPassedTests} handled as documented, ${report.numFailedTests} not`,
  );
}

function fuzz() {
  const runs = option('--runs', '20000');
  const seed = option('--seed', '7');
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/fuzz-manifest.ts', '--runs', runs, '--seed', seed],
    {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    },
  );
  const lines = result.stdout.split('\n');
  const summary = lines.filter((line) => /cases|crashes found|time/.test(line)).slice(0, 4);
  console.log(`fuzz (seed ${seed}): ${summary.join(' | ')}`);
}

/** Peak VmHWM of one process (not its children), sampled every 20 ms until it exits. */
async function runSampled(command: string, commandArgs: string[], cwd: string, env: NodeJS.ProcessEnv) {
  const started = performance.now();
  const child = spawn(command, commandArgs, { cwd, env, stdio: 'ignore' });
  let peakKb = 0;
  const timer = setInterval(() => {
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const match = /VmHWM:\s+(\d+) kB/.exec(status);
      if (match) peakKb = Math.max(peakKb, Number(match[1]));
    } catch {
      // Exited between samples.
    }
  }, 20);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(timer);
  return { code, peakMb: peakKb / 1024, seconds: (performance.now() - started) / 1000 };
}

async function largeOutput() {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'strata-bench-large-'));
  mkdirSync(path.join(directory, 'layers', 'big'), { recursive: true });
  writeFileSync(
    path.join(directory, 'layers.yml'),
    [
      'version: 1',
      'backend: { type: local, config: { path: "../../state/{id}.tfstate" }, global_region: r1 }',
      'regions: { r1: { role: primary } }',
      'accounts: { a: { id: "1", regions: [r1], environments: [] } }',
      'layers:',
      '  - { name: big, scope: global, path: layers/big }',
      '',
    ].join('\n'),
  );
  // 400,000 list elements: about 38 MB of plan text and 73 MB of `show -json` from the stand-in.
  writeFileSync(
    path.join(directory, 'layers', 'big', 'main.tf'),
    [
      'terraform {',
      '  backend "local" {}',
      '}',
      'resource "terraform_data" "big" {',
      '  input = flatten([for i in range(1000) : [for j in range(400) : "line ${i}-${j} of a very large plan, padded to look like a real resource attribute"]])',
      '}',
      '',
    ].join('\n'),
  );
  const run = await runSampled(
    process.execPath,
    [path.join(root, 'dist/cli.js'), 'plan', '--manifest', 'layers.yml'],
    directory,
    {
      ...process.env,
      STRATA_TERRAFORM: path.join(root, 'test/stand-in/terraform'),
    },
  );
  const log = statSync(path.join(directory, '.strata/instances/big/plan.log')).size;
  console.log(
    `large output: plan log ${(log / 1e6).toFixed(1)} MB for one instance; strata plan exit ${run.code}, peak memory of the Strata process ${run.peakMb.toFixed(0)} MB, ${run.seconds.toFixed(1)} s`,
  );
  rmSync(directory, { recursive: true, force: true });
}

console.log(`strata reliability benchmark (Node ${process.version}, ${os.cpus().length} CPUs)`);
if (!args.includes('--skip-faults')) faults();
if (!args.includes('--skip-fuzz')) fuzz();
if (!args.includes('--skip-large')) await largeOutput();
