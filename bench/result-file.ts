/**
 * What keeping `--json-out` up to date costs per state change, as the estate grows; and whether the
 * synchronous start of Terraform processes holds the engine back. Run with `npm run bench:result-file`.
 *
 * 1. Per state change, at 202, 2,000 and 10,000 instances: the engine and the CLI's session run in-process
 *    (`executeRun` with `createCliSession`, as `strata plan --json-out` runs them) over a generated estate,
 *    Terraform replaced by a runner that answers at once (the stand-in's delays at zero, and no process
 *    start-up), so that what is left is Strata's own time. Runs of each size: no --json-out and the journal
 *    (createResultFileWriter), twice each in the order none, journal, journal, none; then the result file as
 *    Strata wrote it before (the whole file stringified, written and renamed on every change, measured on a
 *    sample of changes where a run of every one would take minutes: the cost of one is the same). Printed: ms per state change for the file alone, its total per run,
 *    the run's wall time, and (apart) what the CLI's progress line of a change costs.
 * 2. How a line reaches the journal: appendFileSync, write(2) on a descriptor kept open, and that plus fsync.
 * 3. Spawn at parallelism 16: the 202-instance estate planned through the real process runner and the
 *    stand-in (no delays), with the main thread's event-loop delay (perf_hooks.monitorEventLoopDelay) and
 *    utilisation, the synchronous part of each process start, and the mean number of Terraform processes
 *    running against the 16 allowed.
 *
 * Options: --sizes 202,2000,10000   --skip-spawn   --keep (keep the temp dir)
 */
import {
  appendFileSync,
  closeSync,
  fsyncSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { createChildProcessRunner } from '../src/adapters/child-process-runner.js';
import { createResultFileWriter } from '../src/adapters/result-file-store.js';
import { executeRun, type RunSettings } from '../src/app/execute-run.js';
import { createCliSession } from '../src/cli/terraform-command.js';
import { terminalWording } from '../src/cli/terminal-wording.js';
import { resultFileText } from '../src/core/result-file.js';
import { journalLine } from '../src/core/result-journal.js';
import type { InstanceResult, RunResult } from '../src/core/run-result.js';
import type { EngineReporter } from '../src/engine/run-engine.js';
import type { ProcessRequest, ProcessResult, ProcessRunner } from '../src/engine/process-runner.js';
import { type EstateShape, writeLayeredEstate } from './layered-estate.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const args = process.argv.slice(2);
const option = (name: string) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const sizes = (option('--sizes') ?? '202,2000,10000').split(',').map(Number);

/** Accounts × regions × environments for about `size` instances: 1 + a + 2ar + 4are (the benchmark's layers). */
function shapeFor(size: number): EstateShape {
  if (size <= 202) return { accounts: 3, regions: 3, environments: 5 };
  const accounts = size <= 2_500 ? 4 : 8;
  const regions = size <= 2_500 ? 4 : 5;
  const environments = Math.round((size - 1 - accounts - 2 * accounts * regions) / (4 * accounts * regions));
  return { accounts, regions, environments };
}

function writeEstate(directory: string, size: number): void {
  writeLayeredEstate(directory, shapeFor(size), '{ binary: terraform, parallelism: 16 }');
}

/** Terraform answering at once: every plan has one create; nothing is applied, so upstreams are mocked. */
const instantRunner: ProcessRunner = {
  run(request: ProcessRequest): Promise<ProcessResult> {
    const stdout = (() => {
      switch (request.args[0]) {
        case 'version':
          return JSON.stringify({ terraform_version: '1.12.6' });
        case 'show':
          return JSON.stringify({
            format_version: '1.2',
            planned_values: {},
            resource_changes: [
              { address: 'terraform_data.this', mode: 'managed', change: { actions: ['create'] } },
            ],
          });
        case 'output':
          return '{}';
        default:
          return '';
      }
    })();
    request.onStdout?.(stdout);
    return Promise.resolve({
      exitCode: request.args[0] === 'plan' ? 2 : 0,
      stdout: request.onStdout ? '' : stdout,
      tail: '',
      endSignal: null,
      cancelled: false,
      timedOut: false,
      killed: false,
      durationMs: 0,
    });
  },
};

const silent = { out: () => undefined, err: () => undefined };

/** `strata plan` of everything at parallelism 16, as the CLI would run it. */
const planAtSixteen = (cwd: string, terraformBinary: string, env: RunSettings['env']): RunSettings => ({
  command: 'plan',
  manifestFile: 'layers.yml',
  selection: { filter: {} },
  failFast: false,
  workDirectory: '.strata',
  terraformBinary,
  parallelism: 16,
  cwd,
  env,
  wording: terminalWording,
});

type Writer = 'none' | 'rewrite' | 'journal';

/** One in-process `strata plan`, timing what recording each state change in the result file costs. */
async function runOnce(directory: string, writer: Writer, sampleEvery: number) {
  rmSync(path.join(directory, '.strata'), { recursive: true, force: true });
  const jsonOut = path.join(directory, `result-${writer}.json`);
  // The session shows the progress lines; the result file is written beside it, so that it is timed alone.
  const session = createCliSession(silent, undefined);
  const journal = createResultFileWriter(jsonOut);
  const rewrite = (run: RunResult) => {
    // Strata's writer before the journal: the whole result on every state change.
    writeFileSync(`${jsonOut}.tmp`, resultFileText(run));
    renameSync(`${jsonOut}.tmp`, jsonOut);
  };
  let changes = 0;
  let fileMs = 0;
  let timed = 0;
  let progressMs = 0;
  const reporter: EngineReporter = {
    ...session.reporter,
    instanceOutput: () => Promise.resolve(),
    instanceChanged(instance: InstanceResult, run: RunResult) {
      changes += 1;
      const begin = performance.now();
      if (writer === 'journal') journal.changed(instance, run);
      if (writer === 'rewrite' && changes % sampleEvery === 0) rewrite(run);
      const written = performance.now();
      if (writer === 'journal' || (writer === 'rewrite' && changes % sampleEvery === 0)) {
        fileMs += written - begin;
        timed += 1;
      }
      session.reporter.instanceChanged(instance, run);
      progressMs += performance.now() - written;
    },
  };
  const begin = performance.now();
  const { run } = await executeRun(planAtSixteen(directory, 'terraform', {}), {
    runner: instantRunner,
    reporter,
    redactor: session.redactor,
    signal: new AbortController().signal,
  });
  const finishBegin = performance.now();
  if (writer === 'journal') journal.finish(run);
  if (writer === 'rewrite') rewrite(run);
  const finishMs = performance.now() - finishBegin;
  const wallMs = performance.now() - begin;
  if (run.status !== 'succeeded') throw new Error(`the ${writer} run ${run.status}`);
  const perChange = timed === 0 ? 0 : fileMs / timed;
  return {
    instances: run.instances.length,
    changes,
    perChange,
    perRunMs: perChange * changes + finishMs,
    progressPerChange: progressMs / changes,
    wallMs,
  };
}

const directory = mkdtempSync(path.join(os.tmpdir(), 'strata-bench-result-file-'));
const fixed = (value: number, digits = 3) => value.toFixed(digits);
console.log(
  `strata result-file benchmark; Node ${process.version}, ${os.cpus().length} CPUs, load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
console.log('');
console.log('## 1. Recording a state change in --json-out (in-process plan, Terraform answering at once)');
console.log('');
console.log(
  '| instances | state changes | rewrite: ms per change | rewrite: s per run | journal: ms per change | journal: s per run | run wall s: none / journal (means of none, journal, journal, none) / rewrite (last) | progress line, ms per change |',
);
console.log('|---|---|---|---|---|---|---|---|');
for (const size of sizes) {
  const estate = path.join(directory, `estate-${size}`);
  mkdirSync(estate);
  writeEstate(estate, size);
  // No file and the journal in the order none, journal, journal, none, each wall time the mean of its two: runs
  // later in one process read slower (heap, JIT, the load of a shared machine), and this order cancels a drift.
  const [noneFirst, journalFirst] = [await runOnce(estate, 'none', 1), await runOnce(estate, 'journal', 1)];
  const [journal, none] = [await runOnce(estate, 'journal', 1), await runOnce(estate, 'none', 1)];
  none.wallMs = (none.wallMs + noneFirst.wallMs) / 2;
  journal.wallMs = (journal.wallMs + journalFirst.wallMs) / 2;
  // About 300 timed rewrites at every size: every change at 202 instances, a sample above.
  const sample = none.changes <= 2_000 ? 1 : Math.floor(none.changes / 300);
  const rewrite = await runOnce(estate, 'rewrite', sample);
  // The rewrite run timed only its sample: its wall time with a rewrite on every change is extrapolated.
  const rewriteWall = rewrite.wallMs + rewrite.perChange * (rewrite.changes - rewrite.changes / sample);
  console.log(
    `| ${none.instances} | ${none.changes} | ${fixed(rewrite.perChange)} | ${fixed(rewrite.perRunMs / 1000, 2)} | ${fixed(journal.perChange, 4)} | ${fixed(journal.perRunMs / 1000, 2)} | ${fixed(none.wallMs / 1000, 2)} / ${fixed(journal.wallMs / 1000, 2)} / ${fixed(rewriteWall / 1000, 2)}${sample > 1 ? ` (1 in ${sample} changes timed)` : ''} | ${fixed(none.progressPerChange, 4)} |`,
  );
}

console.log('');
console.log('## 2. One journal line (a succeeded instance), 5,000 times');
console.log('');
{
  const line = journalLine({
    id: 'a1/r1/e1/app',
    layer: 'app',
    scope: 'environment',
    account: 'a1',
    region: 'r1',
    environment: 'e1',
    status: 'succeeded',
    startedAt: new Date().toISOString(),
    finishedAt: new Date().toISOString(),
    durationMs: 812,
    changes: { add: 1, change: 0, destroy: 0, replace: 0 },
    resourceChanges: [{ address: 'terraform_data.this', action: 'create' }],
    mockedUpstreams: [],
    planFile: 'instances/a1__r1__e1__app/plan.tfplan',
  });
  const file = path.join(directory, 'lines.journal');
  const time = (name: string, write: () => void, count = 5_000) => {
    rmSync(file, { force: true });
    const begin = performance.now();
    for (let i = 0; i < count; i++) write();
    console.log(`| ${name} | ${fixed((performance.now() - begin) / count, 4)} ms per line |`);
  };
  console.log('| how | cost |');
  console.log('|---|---|');
  time('appendFileSync (open, write, close)', () => appendFileSync(file, line));
  const descriptor = openSync(path.join(directory, 'kept.journal'), 'a');
  time('write(2) on a descriptor kept open (what Strata does)', () => writeSync(descriptor, line));
  time(
    'write(2) + fsync',
    () => {
      writeSync(descriptor, line);
      fsyncSync(descriptor);
    },
    500,
  );
  closeSync(descriptor);
}

if (!args.includes('--skip-spawn')) {
  console.log('');
  console.log('## 3. Starting Terraform processes at parallelism 16 (stand-in, no delays, 202 instances)');
  console.log('');
  const estate = path.join(directory, 'estate-spawn');
  mkdirSync(estate);
  writeEstate(estate, 202);
  const real = createChildProcessRunner();
  let processes = 0;
  let syncMs = 0;
  let processMs = 0;
  const runner: ProcessRunner = {
    async run(request) {
      processes += 1;
      const begin = performance.now();
      // What runs before the first await of the runner: spawn() and its setup, on the main thread.
      const result = real.run(request);
      syncMs += performance.now() - begin;
      const settled = await result;
      processMs += performance.now() - begin;
      return settled;
    },
  };
  const session = createCliSession(silent, path.join(estate, 'result.json'));
  const delay = monitorEventLoopDelay({ resolution: 10 });
  const utilisationBefore = performance.eventLoopUtilization();
  delay.enable();
  const begin = performance.now();
  const { run } = await executeRun(
    planAtSixteen(estate, path.join(root, 'test', 'stand-in', 'terraform'), {
      ...process.env,
      STANDIN_DELAY_MS: '',
    }),
    {
      runner,
      reporter: { ...session.reporter, instanceOutput: () => Promise.resolve() },
      redactor: session.redactor,
      signal: new AbortController().signal,
    },
  );
  const wallMs = performance.now() - begin;
  delay.disable();
  session.finish(run);
  const utilisation = performance.eventLoopUtilization(utilisationBefore);
  const ms = (ns: number) => fixed(ns / 1e6, 1);
  console.log(
    `run: ${run.status}, ${run.instances.length} instances, ${processes} processes, ${fixed(wallMs / 1000, 2)} s`,
  );
  console.log(
    `start of a process on the main thread: ${fixed(syncMs / processes, 2)} ms mean (${fixed(syncMs / 1000, 2)} s in all, ${fixed((100 * syncMs) / wallMs, 1)}% of the wall time)`,
  );
  console.log(`Terraform processes running, mean: ${fixed(processMs / wallMs, 1)} of 16 allowed`);
  console.log(`main thread busy (event-loop utilisation): ${fixed(100 * utilisation.utilization, 1)}%`);
  console.log(
    `event-loop delay: p50 ${ms(delay.percentile(50))} ms, p99 ${ms(delay.percentile(99))} ms, max ${ms(delay.max)} ms`,
  );
}

console.log('');
console.log(
  'The machine is shared and loaded by other work: figures vary between runs; compare within one run.',
);
if (!args.includes('--keep')) rmSync(directory, { recursive: true, force: true });
else console.log(`kept ${directory}`);
