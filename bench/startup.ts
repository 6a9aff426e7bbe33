/**
 * How long the CLI takes to start: `strata graph` on examples/multi-region and `strata --help`, beside a bare
 * `node -e 0`, each measured by hyperfine (https://github.com/sharkdp/hyperfine) on every Node.js given. Run
 * with `npm run build && npm run bench:startup`. Without hyperfine on PATH it says how to install it and exits 0.
 *
 * Options: --runs N (default 30), --cli FILE (default dist/cli.js), --node FILE,FILE (default the first `node`
 * on PATH outside node_modules, which is Node 20 on the CI machine kind, and the Node 24 of node_modules),
 * --check (exit 1 when a target is missed).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { HYPERFINE_MISSING, nodesToMeasure, onPath } from './on-path.js';
import { removeStartUpNoise, startUpNoiseLine } from './start-up-noise.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXAMPLE = path.join(ROOT, 'examples', 'multi-region');

/** Medians, ms: the targets for Node 20 (and reported for every Node). */
const TARGETS: Record<string, number> = { graph: 150, help: 100 };

interface HyperfineResult {
  command: string;
  median: number;
  mean: number;
  stddev: number;
  user: number;
  system: number;
}

function main(): number {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '30' },
      cli: { type: 'string', default: path.join(ROOT, 'dist', 'cli.js') },
      node: { type: 'string' },
      check: { type: 'boolean', default: false },
    },
  });
  const hyperfine = onPath('hyperfine', false);
  if (!hyperfine) {
    console.log(`Skipping the start-up benchmark: ${HYPERFINE_MISSING}`);
    return 0;
  }
  // Resolved here: hyperfine runs in the example's directory.
  const cli = path.resolve(values.cli);
  if (!existsSync(cli)) {
    console.log(`${cli} does not exist: run \`npm run build\` first.`);
    return 1;
  }
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 2)
    throw new Error(`--runs must be a whole number ≥ 2, got '${values.runs}'`);
  const nodes = nodesToMeasure(values.node);

  const removedNoise = removeStartUpNoise();
  const load = os.loadavg().map((value) => value.toFixed(2));
  console.log(
    `strata start-up benchmark: hyperfine, ${runs} runs after 3 warm-ups, medians in ms; ${os.cpus().length} CPUs; load average ${load.join(' ')}`,
  );
  console.log(startUpNoiseLine(removedNoise));
  const directory = mkdtempSync(path.join(os.tmpdir(), 'strata-startup-'));
  const misses: string[] = [];
  try {
    for (const node of nodes) {
      const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
      const commands = {
        'node -e 0': [node, '-e', '0'],
        help: [node, cli, '--help'],
        graph: [node, cli, 'graph'],
      };
      const exported = path.join(directory, `${version}.json`);
      const result = spawnSync(
        hyperfine,
        [
          '--shell=none',
          '--warmup',
          '3',
          '--runs',
          String(runs),
          '--export-json',
          exported,
          '--style',
          'none',
          ...Object.keys(commands).flatMap((name) => ['--command-name', name]),
          ...Object.values(commands).map((argv) => argv.join(' ')),
        ],
        { cwd: EXAMPLE, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] },
      );
      if (result.status !== 0) throw new Error(`hyperfine failed (${result.status}):\n${result.stderr}`);
      const { results } = JSON.parse(readFileSync(exported, 'utf8')) as { results: HyperfineResult[] };
      console.log(`\nNode ${version} (${node}):`);
      for (const { command, median, stddev, user, system } of results) {
        const ms = (seconds: number) => (seconds * 1000).toFixed(0);
        const target = TARGETS[command];
        const verdict =
          target === undefined
            ? ''
            : median * 1000 < target
              ? `  (target < ${target}: met)`
              : `  (target < ${target}: MISSED)`;
        if (target !== undefined && median * 1000 >= target) misses.push(`${command} on Node ${version}`);
        console.log(
          `  ${command.padEnd(10)} median ${ms(median).padStart(4)} ms  ±${ms(stddev)}  user ${ms(user)} ms  system ${ms(system)} ms${verdict}`,
        );
      }
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
  console.log(
    `\nload average at the end ${os
      .loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}`,
  );
  return values.check && misses.length > 0 ? 1 : 0;
}

process.exitCode = main();
