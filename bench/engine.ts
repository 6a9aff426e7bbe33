/**
 * What the engine costs over the work itself. Run with `npm run bench:engine` (after `npm run build`).
 *
 * It writes a synthetic estate of 202 instances (8 layers over the four scopes) whose stand-in `plan`
 * commands take fixed, uneven times (STANDIN_DELAY_MS, by layer), and runs `strata plan` through dist/cli.js
 * at parallelism 1, 4 and 16, twice each: cold (no work directory: every instance inits) and warm (the work
 * directory of the cold run kept: no init). For each run it prints:
 *   - measured: the run's wall time (the result's durationMs);
 *   - nominal: the engine's scheduling policy (ready queue, longest remaining path first, then id) replayed
 *     with zero overhead on the nominal delays: what the run would take if Strata and Terraform cost nothing;
 *   - measured/nominal: the headline, everything the engine and Terraform's processes add;
 *   - where the difference goes, per instance: Strata's own time (the instance's measured time minus the wall
 *     time of its Terraform processes, from the stand-in's STANDIN_TIMING_LOG) and Terraform's process time
 *     beyond the nominal delay (start-up of the binary, reading the configuration and state);
 *   - Terraform processes per instance (from the stand-in's call log);
 *   - the scheduler's quality: measured/simulated, the same policy replayed on the measured per-instance
 *     durations (target ≤ 1.05), and measured/lower bound, max(critical path, total work / parallelism) on
 *     those durations (target ≤ 1.15).
 * Options: --parallelism 1,4,16   --keep (keep the temp dir)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunResultFile } from '../src/core/result-file.js';
import { remainingPathLengths } from '../src/core/schedule/critical-path.js';
import type { Dag } from '../src/core/schedule/dag.js';
import { ReadyQueue } from '../src/core/schedule/ready-queue.js';
import { BENCHMARK_LAYERS, writeLayeredEstate } from './layered-estate.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const args = process.argv.slice(2);
const option = (name: string) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const parallelisms = (option('--parallelism') ?? '1,4,16').split(',').map(Number);

const LAYERS = BENCHMARK_LAYERS;

/** The engine's policy with zero overhead: at most p running, ready instances by longest remaining path. */
function simulate(dag: Dag, cost: (id: string) => number, parallelism: number): number {
  const queue = new ReadyQueue(dag, remainingPathLengths(dag));
  const running: { id: string; end: number }[] = [];
  let now = 0;
  while (!queue.isDone) {
    for (const id of queue.take(parallelism - queue.runningCount)) running.push({ id, end: now + cost(id) });
    running.sort((a, b) => a.end - b.end);
    const next = running.shift()!;
    now = next.end;
    queue.finish(next.id, true);
  }
  return now;
}

function dagOf(result: RunResultFile, graph: { nodes: { id: string; dependsOn: string[] }[] }): Dag {
  const ids = new Set(result.instances.map((instance) => instance.id));
  return {
    ids: graph.nodes.map((node) => node.id).filter((id) => ids.has(id)),
    dependsOn: new Map(graph.nodes.map((node) => [node.id, node.dependsOn])),
  };
}

const directory = mkdtempSync(path.join(os.tmpdir(), 'strata-bench-engine-'));
writeLayeredEstate(
  directory,
  { accounts: 3, regions: 3, environments: 5 },
  '{ binary: terraform, lock_timeout: 30s, parallelism: 4 }',
);
const cli = path.join(root, 'dist', 'cli.js');
const standIn = path.join(root, 'test', 'stand-in', 'terraform');
const graph = JSON.parse(
  spawnSync(process.execPath, [cli, 'graph', '--manifest', 'layers.yml', '--format', 'json'], {
    cwd: directory,
    encoding: 'utf8',
  }).stdout,
) as { nodes: { id: string; dependsOn: string[] }[] };
const delays = LAYERS.map((layer) => `plan:*${layer.name}:${layer.delay}`).join(',');
const nominal = new Map(LAYERS.map((layer) => [layer.name as string, layer.delay as number]));

console.log(`strata engine benchmark: ${graph.nodes.length} instances, stand-in plan delays by layer (ms):`);
console.log(
  `  ${LAYERS.map((layer) => `${layer.name} ${layer.delay}`).join(', ')}; Node ${process.version}, ${os.cpus().length} CPUs`,
);
console.log('');
console.log(
  '| run | parallelism | measured s | nominal s | **measured/nominal** | Strata ms/instance | Terraform beyond delay ms/instance | processes/instance | measured/simulated | measured/lower bound |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|');

interface Timing {
  argv: string[];
  instance: string | null;
  startMs: number;
  endMs: number;
}

const readLines = <T>(file: string): T[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as T);

function measure(parallelism: number, kind: 'cold' | 'warm') {
  if (kind === 'cold') rmSync(path.join(directory, '.strata'), { recursive: true, force: true });
  rmSync(path.join(directory, 'state'), { recursive: true, force: true });
  const resultFile = path.join(directory, `result-${parallelism}-${kind}.json`);
  const timingLog = path.join(directory, `timing-${parallelism}-${kind}.jsonl`);
  const callLog = path.join(directory, `calls-${parallelism}-${kind}.jsonl`);
  const run = spawnSync(
    process.execPath,
    [cli, 'plan', '--manifest', 'layers.yml', '--parallelism', String(parallelism), '--json-out', resultFile],
    {
      cwd: directory,
      env: {
        ...process.env,
        STRATA_TERRAFORM: standIn,
        STANDIN_DELAY_MS: delays,
        STANDIN_TIMING_LOG: timingLog,
        STANDIN_CALL_LOG: callLog,
      },
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    },
  );
  if (run.status !== 0) {
    console.error(run.stderr.split('\n').slice(-20).join('\n'));
    throw new Error(`strata plan exited ${run.status}`);
  }
  const result = JSON.parse(readFileSync(resultFile, 'utf8')) as RunResultFile;
  const durations = new Map(result.instances.map((instance) => [instance.id, instance.durationMs ?? 0]));
  const dag = dagOf(result, graph);
  const cost = (id: string) => durations.get(id)!;
  const work = [...durations.values()].reduce((sum, value) => sum + value, 0);
  const critical = Math.max(...remainingPathLengths(dag, cost).values());
  const lower = Math.max(critical, work / parallelism);
  const simulated = simulate(dag, cost, parallelism);
  const delayOf = (id: string) => nominal.get(id.split('/').at(-1)!)!;
  const nominalSimulated = simulate(dag, delayOf, parallelism);
  const measured = result.durationMs!;
  // Per instance: the wall time of its Terraform processes (`version -json` belongs to no instance).
  const processes = readLines<Timing>(timingLog).filter((timing) => timing.instance !== null);
  const processMs = processes.reduce((sum, timing) => sum + (timing.endMs - timing.startMs), 0);
  const delayMs = result.instances.reduce((sum, instance) => sum + delayOf(instance.id), 0);
  const count = result.instances.length;
  const calls = readLines<{ instance: string | null }>(callLog).filter((call) => call.instance !== null);
  const s = (ms: number) => (ms / 1000).toFixed(2);
  const perInstance = (ms: number) => (ms / count).toFixed(0);
  console.log(
    `| ${kind} | ${parallelism} | ${s(measured)} | ${s(nominalSimulated)} | **${(measured / nominalSimulated).toFixed(2)}** | ${perInstance(work - processMs)} | ${perInstance(processMs - delayMs)} | ${(calls.length / count).toFixed(2)} | ${(measured / simulated).toFixed(3)} | ${(measured / lower).toFixed(3)} |`,
  );
}

for (const parallelism of parallelisms) {
  measure(parallelism, 'cold');
  measure(parallelism, 'warm');
}
console.log('');
console.log(
  'measured/nominal: everything Strata and Terraform add to the zero-overhead schedule of the nominal delays;',
);
console.log('scheduler quality targets: measured/simulated ≤ 1.05, measured/lower bound ≤ 1.15');
if (!args.includes('--keep')) rmSync(directory, { recursive: true, force: true });
else console.log(`kept ${directory}`);
