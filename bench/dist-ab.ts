/**
 * The committed `dist/` of an earlier commit against this tree's, on the same machine in the same minutes:
 * `npm run build && npm run bench:ab -- --base REF`. The absolute figures of bench:graph and bench:startup move
 * with the machine (this kind's speed has halved between two sessions); an A/B answers "did a change make it
 * slower" where they cannot.
 *
 * Two commands, each run by both bundles with the same input:
 *   - `graph`, on the base commit's `examples/multi-region` (the older bundle may not read today's example);
 *   - `graph --format json` on the synthetic estate of bench/synthetic-estate.ts (warm_standby, Strata's default
 *     GitHub Environment names, which every bundle since the benchmark's first reads) at each size.
 * Before timing, each command's output from the two bundles must be the same byte for byte (else the script
 * fails: the bundles would not be doing the same work). Then hyperfine alternates them: round 1 base first,
 * round 2 head first, so that neither always runs on a warmer or colder machine; each round prints both
 * medians and head / base.
 *
 * Options: --base REF (required), --runs N (default 10; the 100k case takes ~2 s a run), --rounds N (default 2),
 * --sizes 1k,10k,100k (default 100k), --node FILE,FILE (default the first `node` on PATH outside node_modules and
 * the Node 24 of node_modules), --cli FILE (the head bundle, default dist/cli.js).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { HYPERFINE_MISSING, nodesToMeasure, onPath } from './on-path.js';
import { removeStartUpNoise, startUpNoiseLine } from './start-up-noise.js';
import { SIZES, writeEstate } from './synthetic-estate.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Case {
  name: string;
  cwd: string;
  /** The arguments after `node CLI`. */
  args: string[];
}

interface HyperfineResult {
  command: string;
  median: number;
  stddev: number;
}

function run(command: string, args: string[], cwd = ROOT): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (result.error) throw result.error;
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} exited with ${result.status}:\n${result.stderr}`);
  return result.stdout;
}

/** The base commit's dist/ and examples/, unpacked into `directory` (git archive, then tar: no shell). */
function unpackBase(base: string, directory: string): string {
  const archive = path.join(directory, 'base.tar');
  run('git', ['archive', '--output', archive, base, 'dist', 'examples']);
  const unpacked = path.join(directory, 'base');
  mkdirSync(unpacked);
  run('tar', ['-xf', archive, '-C', unpacked]);
  return unpacked;
}

/** The two bundles must print the same thing for a case, or the comparison means nothing. */
function checkSameOutput(node: string, baseCli: string, headCli: string, testCase: Case): void {
  const base = run(node, [baseCli, ...testCase.args], testCase.cwd);
  const head = run(node, [headCli, ...testCase.args], testCase.cwd);
  if (base !== head)
    throw new Error(
      `${testCase.name}: the two bundles print different output (${base.length} and ${head.length} characters), so they do not do the same work; pick a --base whose output matches`,
    );
}

function main(): number {
  const { values } = parseArgs({
    options: {
      base: { type: 'string' },
      runs: { type: 'string', default: '10' },
      rounds: { type: 'string', default: '2' },
      sizes: { type: 'string', default: '100k' },
      node: { type: 'string' },
      cli: { type: 'string', default: path.join(ROOT, 'dist', 'cli.js') },
    },
  });
  if (!values.base) {
    console.error('--base REF is required: the commit whose committed dist/ to compare with this one');
    return 2;
  }
  const runs = Number(values.runs);
  const rounds = Number(values.rounds);
  if (!Number.isInteger(runs) || runs < 2 || !Number.isInteger(rounds) || rounds < 1) {
    console.error(
      `--runs must be a whole number ≥ 2 and --rounds ≥ 1, got '${values.runs}' and '${values.rounds}'`,
    );
    return 2;
  }
  const sizes = values.sizes.split(',').map((label) => {
    const size = SIZES.find((each) => each.label === label);
    if (!size)
      throw new Error(
        `--sizes: unknown size '${label}'; one of ${SIZES.map((each) => each.label).join(', ')}`,
      );
    return size;
  });
  if (!onPath('hyperfine', false)) {
    console.error(HYPERFINE_MISSING);
    return 1;
  }
  const headCli = path.resolve(values.cli);
  if (!existsSync(headCli)) {
    console.error(`${headCli} does not exist: run \`npm run build\` first.`);
    return 1;
  }
  const nodes = nodesToMeasure(values.node);
  const removedNoise = removeStartUpNoise();
  const baseSha = run('git', ['rev-parse', '--short', values.base]).trim();
  const headSha = run('git', ['rev-parse', '--short', 'HEAD']).trim();
  const dirty = run('git', ['status', '--porcelain', '--', 'dist']).trim() !== '';
  const directory = mkdtempSync(path.join(os.tmpdir(), 'strata-ab-'));
  try {
    const unpacked = unpackBase(values.base, directory);
    const baseCli = path.join(unpacked, 'dist', 'cli.js');
    const cases: Case[] = [
      { name: 'graph (example)', cwd: path.join(unpacked, 'examples', 'multi-region'), args: ['graph'] },
    ];
    for (const size of sizes) {
      const estate = path.join(directory, size.label);
      const manifest = writeEstate(estate, size, 'warm_standby', 'per-environment');
      cases.push({
        name: `graph --format json, ${size.label}`,
        cwd: estate,
        args: ['graph', '--manifest', manifest, '--format', 'json'],
      });
    }
    console.log(
      `strata dist A/B: base ${baseSha} (its committed dist/), head ${headSha}${dirty ? ' with dist/ changed in the tree' : ''} (${path.relative(ROOT, headCli) || headCli}); hyperfine, ${runs} runs each after 2 warm-ups, ${rounds} round(s), medians in ms; ${os.cpus().length} CPUs; load average ${os
        .loadavg()
        .map((value) => value.toFixed(2))
        .join(' ')}`,
    );
    console.log(startUpNoiseLine(removedNoise));
    for (const node of nodes) {
      const version = run(node, ['--version']).trim();
      console.log(`\nNode ${version}:`);
      for (const testCase of cases) {
        checkSameOutput(node, baseCli, headCli, testCase);
        const commands = { base: [node, baseCli, ...testCase.args], head: [node, headCli, ...testCase.args] };
        const line: string[] = [];
        for (let round = 0; round < rounds; round++) {
          const order = round % 2 === 0 ? (['base', 'head'] as const) : (['head', 'base'] as const);
          const exported = path.join(directory, 'round.json');
          run(
            'hyperfine',
            [
              '--shell=none',
              '--warmup',
              '2',
              '--runs',
              String(runs),
              '--export-json',
              exported,
              '--style',
              'none',
              ...order.flatMap((name) => ['--command-name', name]),
              ...order.map((name) => commands[name].join(' ')),
            ],
            testCase.cwd,
          );
          const { results } = JSON.parse(readFileSync(exported, 'utf8')) as { results: HyperfineResult[] };
          const median = (name: string) =>
            (results.find((each) => each.command === name)?.median ?? NaN) * 1000;
          line.push(
            `round ${round + 1} (${order[0]} first): ${median('base').toFixed(1)} → ${median('head').toFixed(1)} ms = ${(median('head') / median('base')).toFixed(3)}×`,
          );
        }
        console.log(`  ${testCase.name}: ${line.join('; ')}`);
      }
    }
    console.log(
      `\nload average at the end ${os
        .loadavg()
        .map((value) => value.toFixed(2))
        .join(' ')}`,
    );
    return 0;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

process.exitCode = main();
