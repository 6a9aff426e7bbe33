/**
 * Strata side by side with Terragrunt and Terramate on one estate, the same OpenTofu binary and the same layer
 * code. Run with `npm run bench:peers` (after `npm run build` and `npm run tools`; `npm run tools:peers` builds
 * the peers where the Go module proxy serves them). Prints figures; asserts nothing.
 *
 * The estate: accounts × regions × environments over seven layers in the four scopes, `dns` (global) → `iam`
 * (account) → `network` (region; a secondary region's network waits for the primary's) → `transit` (region),
 * and the chain `database` → `app` → `edge` per environment (app also needs transit, edge also dns). The layer
 * code uses `terraform_data` only, with a different resource count per layer so that instances differ in cost,
 * and local state. It is written in each tool's native form into one scratch directory (removed after):
 *   - Strata: `layers.yml` (DR strategy warm_standby, so every environment runs in every region), local backend;
 *   - Terragrunt: one unit per instance, `dependency` blocks whose outputs become the same variables;
 *   - Terramate: one stack per instance, ordered with `after` (Terramate passes no outputs: the dependency
 *     variables keep their null defaults).
 *
 * For each run, parallelism and tool, in this order: apply of everything from nothing (no state, nothing
 * initialised); plan of everything cold (state kept, every data directory removed); plan of everything warm
 * (initialised, no changes). Then the run order of generated 1k and 10k estates is listed: `strata graph`,
 * `terragrunt dag graph`, `terramate list --run-order`. Figures are medians of the runs' wall times.
 *
 * Binaries: OpenTofu from $STRATA_TERRAFORM or .tools/bin/tofu; Terragrunt and Terramate from $TERRAGRUNT /
 * $TERRAMATE or .tools/bin/; a peer that is missing keeps its column with the reason (the build script leaves
 * it in .tools/bin/NAME.unavailable).
 *
 * A fourth column, `floor`, runs OpenTofu alone in the same units (see TOOLS): what no peer that runs OpenTofu
 * once per instance and step can beat, measured where the peers cannot run.
 *
 * Options: --runs N (default 3), --list-runs N (listing, default 5), --parallelism 1,4, --estate A,R,E
 * (accounts, regions, environments; default 2,3,5: 105 instances), --list-sizes 1k,10k,
 * --tools strata,terragrunt,terramate,floor, --skip-runs (listing only), --skip-list, --cli FILE (default
 * dist/cli.js), --keep (keep the scratch directory).
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

type Scope = 'global' | 'account' | 'region' | 'environment';
type Tool = 'strata' | 'terragrunt' | 'terramate' | 'floor';
/**
 * `floor` is no tool: OpenTofu alone, one process per unit and step (`plan`; `init && plan`; `init && apply`),
 * each unit as soon as its upstreams are done, at most N at once, nothing else around it (no outputs passed).
 * A peer that runs OpenTofu once per instance and step in dependency order is no faster: the floor stands in
 * for the peers where they cannot run.
 */
const TOOLS: Tool[] = ['strata', 'terragrunt', 'terramate', 'floor'];

interface Layer {
  name: string;
  scope: Scope;
  /** Same-cell dependencies, by layer name (the variable is named after the layer). */
  dependsOn: string[];
  /** terraform_data resources per instance: the instance's cost. */
  resources: number;
}

const LAYERS: Layer[] = [
  { name: 'dns', scope: 'global', dependsOn: [], resources: 3 },
  { name: 'iam', scope: 'account', dependsOn: ['dns'], resources: 6 },
  { name: 'network', scope: 'region', dependsOn: ['iam'], resources: 24 },
  { name: 'transit', scope: 'region', dependsOn: ['network'], resources: 8 },
  { name: 'database', scope: 'environment', dependsOn: ['network'], resources: 16 },
  { name: 'app', scope: 'environment', dependsOn: ['database', 'transit'], resources: 32 },
  { name: 'edge', scope: 'environment', dependsOn: ['app', 'dns'], resources: 4 },
];
/** The cross-region dependency: every secondary region's network waits for the primary region's. */
const PRIMARY_NETWORK = 'primary_network';

interface EstateSize {
  accounts: number;
  regions: number;
  environments: number;
}

interface Unit {
  /** Strata's instance id (`a1/r1/e1/app`). */
  id: string;
  /** A flat directory name for the peers' unit or stack. */
  dir: string;
  layer: Layer;
  /** Dependency variable name → the upstream unit's id. */
  inputs: Map<string, string>;
}

const LIST_SIZES: Record<string, EstateSize> = {
  '1k': { accounts: 5, regions: 4, environments: 16 },
  '10k': { accounts: 10, regions: 10, environments: 33 },
};

function names(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) => `${prefix}${index + 1}`);
}

/** Every instance of the estate with its dependencies, as Strata's manifest expands them. */
function expandEstate(size: EstateSize): Unit[] {
  const units: Unit[] = [];
  const add = (idParts: string[], layer: Layer, inputs: [string, string][]) => {
    const id = [...idParts, layer.name].join('/');
    units.push({ id, dir: id.replaceAll('/', '.'), layer, inputs: new Map(inputs) });
  };
  const regions = names('r', size.regions);
  const layer = (name: string) => LAYERS.find((candidate) => candidate.name === name)!;
  add([], layer('dns'), []);
  for (const account of names('a', size.accounts)) {
    add([account], layer('iam'), [['dns', 'dns']]);
    for (const region of regions) {
      const cell = [account, region];
      const primary = region === regions[0];
      add(cell, layer('network'), [
        ['iam', `${account}/iam`],
        ...(primary ? [] : [[PRIMARY_NETWORK, `${account}/${regions[0]}/network`] as [string, string]]),
      ]);
      add(cell, layer('transit'), [['network', [...cell, 'network'].join('/')]]);
      for (const environment of names('e', size.environments)) {
        const envCell = [...cell, environment];
        add(envCell, layer('database'), [['network', [...cell, 'network'].join('/')]]);
        add(envCell, layer('app'), [
          ['database', [...envCell, 'database'].join('/')],
          ['transit', [...cell, 'transit'].join('/')],
        ]);
        add(envCell, layer('edge'), [
          ['app', [...envCell, 'app'].join('/')],
          ['dns', 'dns'],
        ]);
      }
    }
  }
  return units;
}

function dependencyVariables(layer: Layer): string[] {
  return layer.name === 'network' ? [...layer.dependsOn, PRIMARY_NETWORK] : layer.dependsOn;
}

/** The one piece of layer code all three tools run for `layer`. */
function layerCode(layer: Layer): string {
  const upstreams = dependencyVariables(layer);
  return [
    'terraform {',
    '  backend "local" {}',
    '}',
    'variable "name" {',
    '  type = string',
    '}',
    'variable "resources" {',
    '  type = number',
    '}',
    ...upstreams.flatMap((name) => [`variable "${name}" {`, '  type    = any', '  default = null', '}']),
    'resource "terraform_data" "item" {',
    '  count = var.resources',
    '  input = {',
    '    name     = "${var.name}-${count.index}"',
    `    upstream = [${upstreams.map((name) => `try(var.${name}.id, null)`).join(', ')}]`,
    '  }',
    '}',
    'output "id" {',
    '  value = sha1(var.name)',
    '}',
    '',
  ].join('\n');
}

function writeLayerCode(directory: string): void {
  for (const layer of LAYERS) {
    mkdirSync(path.join(directory, 'layers', layer.name), { recursive: true });
    writeFileSync(path.join(directory, 'layers', layer.name, 'main.tf'), layerCode(layer));
  }
}

function strataManifest(size: EstateSize): string {
  const regions = names('r', size.regions);
  const lines = [
    'version: 1',
    'terraform: { binary: tofu, lock_timeout: 30s, parallelism: 4 }',
    'backend:',
    '  type: local',
    '  config: { path: "../../state/{id}.tfstate" }',
    `  global_region: ${regions[0]}`,
    'regions:',
    ...regions.map((region, index) => `  ${region}: { role: ${index === 0 ? 'primary' : 'secondary'} }`),
    'dr: { strategy: warm_standby }',
    'accounts:',
    ...names('a', size.accounts).flatMap((account, index) => [
      `  ${account}:`,
      `    id: "${String(100000000000 + index)}"`,
      `    regions: [${regions.join(', ')}]`,
      `    environments: [${names('e', size.environments).join(', ')}]`,
    ]),
    'layers:',
  ];
  for (const layer of LAYERS) {
    const dependsOn = [
      ...layer.dependsOn,
      ...(layer.name === 'network' ? [`{ layer: network, region: primary, as: ${PRIMARY_NETWORK} }`] : []),
    ];
    lines.push(
      `  - name: ${layer.name}`,
      `    scope: ${layer.scope}`,
      `    path: layers/${layer.name}`,
      ...(dependsOn.length > 0 ? [`    depends_on: [${dependsOn.join(', ')}]`] : []),
      `    vars: { name: "{id}", resources: ${layer.resources} }`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function writeStrata(directory: string, size: EstateSize): void {
  mkdirSync(directory, { recursive: true });
  writeLayerCode(directory);
  writeFileSync(path.join(directory, 'layers.yml'), strataManifest(size));
}

/** Each unit's directory holds a link to its layer's code, so every peer runs it in place with local state. */
function writeUnitDirectory(directory: string, unit: Unit): string {
  const unitDirectory = path.join(directory, 'units', unit.dir);
  mkdirSync(unitDirectory, { recursive: true });
  symlinkSync(
    path.join('..', '..', 'layers', unit.layer.name, 'main.tf'),
    path.join(unitDirectory, 'main.tf'),
  );
  return unitDirectory;
}

function writeTerragrunt(directory: string, units: Unit[]): void {
  writeLayerCode(directory);
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  for (const unit of units) {
    const unitDirectory = writeUnitDirectory(directory, unit);
    const dependencies = [...unit.inputs].map(([name, id]) =>
      [`dependency "${name}" {`, `  config_path = "../${byId.get(id)!.dir}"`, '}'].join('\n'),
    );
    const inputs = [
      'inputs = {',
      `  name      = "${unit.id}"`,
      `  resources = ${unit.layer.resources}`,
      ...[...unit.inputs.keys()].map((name) => `  ${name} = dependency.${name}.outputs`),
      '}',
    ];
    writeFileSync(path.join(unitDirectory, 'terragrunt.hcl'), [...dependencies, ...inputs, ''].join('\n'));
  }
}

/** Units that OpenTofu runs alone: the layer code and a var file of the unit's own variables. */
function writePlainUnits(directory: string, units: Unit[]): void {
  writeLayerCode(directory);
  for (const unit of units) {
    const unitDirectory = writeUnitDirectory(directory, unit);
    writeFileSync(
      path.join(unitDirectory, 'terraform.tfvars.json'),
      `${JSON.stringify({ name: unit.id, resources: unit.layer.resources })}\n`,
    );
  }
}

function writeTerramate(directory: string, units: Unit[]): void {
  writePlainUnits(directory, units);
  writeFileSync(path.join(directory, 'terramate.tm.hcl'), 'terramate {\n  config {\n  }\n}\n');
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  for (const unit of units) {
    const unitDirectory = path.join(directory, 'units', unit.dir);
    const after = [...unit.inputs.values()].map((id) => `"/units/${byId.get(id)!.dir}"`);
    writeFileSync(
      path.join(unitDirectory, 'stack.tm.hcl'),
      [
        'stack {',
        `  name  = "${unit.id}"`,
        // Terramate's stack ids allow letters, digits, - and _ only.
        `  id    = "${unit.dir.replaceAll('.', '-')}"`,
        `  after = [${after.join(', ')}]`,
        '}',
        '',
      ].join('\n'),
    );
  }
  // Terramate reads the repository it runs in; one commit keeps its git safeguards quiet.
  for (const args of [
    ['init', '-q'],
    ['add', '-A'],
    ['-c', 'user.name=bench', '-c', 'user.email=bench@localhost', 'commit', '-q', '-m', 'estate'],
  ])
    mustRun('git', args, directory);
}

/** The estate in `tool`'s native form. */
function writeNative(tool: Tool, directory: string, size: EstateSize): void {
  if (tool === 'strata') writeStrata(directory, size);
  else if (tool === 'terragrunt') writeTerragrunt(directory, expandEstate(size));
  else if (tool === 'terramate') writeTerramate(directory, expandEstate(size));
  else writePlainUnits(directory, expandEstate(size));
}

function mustRun(command: string, args: string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (result.status !== 0)
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.status}): ${result.stderr || result.error}`,
    );
  return result.stdout;
}

interface Binaries {
  node: string;
  cli: string;
  tofu: string;
  terragrunt?: string;
  terramate?: string;
}

/** A CLI configuration file that is set but missing makes OpenTofu print a warning on stdout, inside `show -json`. */
const TOFU_ENV = { TF_CLI_CONFIG_FILE: '', TF_IN_AUTOMATION: '1' };

/** A command of one tool: what to run in which directory. */
interface Command {
  file: string;
  args: string[];
  cwd: string;
  env?: Record<string, string>;
}

/** The OpenTofu steps of one unit for the tools that run it unit by unit (`$TOFU` is the binary). */
const UNIT_STEPS = {
  plan: '"$TOFU" plan -input=false',
  coldPlan: '"$TOFU" init -input=false && "$TOFU" plan -input=false',
  apply: '"$TOFU" init -input=false && "$TOFU" apply -auto-approve -input=false',
};

/** How each tool plans and applies everything, and lists the run order. */
function commands(tool: Tool, bin: Binaries, directory: string, parallelism: number, units: Unit[]) {
  const p = String(parallelism);
  if (tool === 'strata') {
    const base = (command: string): Command => ({
      file: bin.node,
      args: [
        bin.cli,
        command,
        '--manifest',
        'layers.yml',
        '--parallelism',
        p,
        '--terraform-binary',
        bin.tofu,
      ],
      cwd: directory,
    });
    return { plan: base('plan'), coldPlan: base('plan'), apply: base('apply') };
  }
  if (tool === 'terragrunt') {
    const all = (...tail: string[]): Command => ({
      file: bin.terragrunt!,
      args: ['run', '--all', '--non-interactive', '--parallelism', p, '--tf-path', bin.tofu, '--', ...tail],
      cwd: path.join(directory, 'units'),
    });
    return {
      plan: all('plan', '-input=false'),
      coldPlan: all('plan', '-input=false'),
      apply: all('apply', '-auto-approve', '-input=false'),
    };
  }
  const each = (steps: string): Step =>
    tool === 'terramate'
      ? {
          file: bin.terramate!,
          args: ['run', '--disable-safeguards=all', '--parallel', p, '--', 'sh', '-c', steps],
          cwd: directory,
          env: { TOFU: bin.tofu },
        }
      : () => runInOrder(units, steps, bin.tofu, directory, parallelism);
  return { plan: each(UNIT_STEPS.plan), coldPlan: each(UNIT_STEPS.coldPlan), apply: each(UNIT_STEPS.apply) };
}

/**
 * The floor: `steps` in every unit's directory, each unit as soon as its upstreams are done, at most
 * `parallelism` at once, with nothing else around OpenTofu. Rejects with the first failure.
 */
function runInOrder(
  units: Unit[],
  steps: string,
  tofu: string,
  directory: string,
  parallelism: number,
): Promise<void> {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const waiting = new Map(units.map((unit) => [unit.id, new Set(unit.inputs.values())]));
  const dependents = new Map<string, string[]>();
  for (const unit of units)
    for (const upstream of unit.inputs.values())
      dependents.set(upstream, [...(dependents.get(upstream) ?? []), unit.id]);
  const ready = units.filter((unit) => unit.inputs.size === 0).map((unit) => unit.id);
  let running = 0;
  let finished = 0;
  return new Promise((resolve, reject) => {
    const startReady = () => {
      while (running < parallelism && ready.length > 0) {
        const id = ready.shift()!;
        running++;
        const child = spawn('sh', ['-c', steps], {
          cwd: path.join(directory, 'units', byId.get(id)!.dir),
          env: { ...process.env, ...TOFU_ENV, TOFU: tofu },
          stdio: 'ignore',
        });
        child.on('error', reject);
        child.on('exit', (code) => {
          if (code !== 0) return reject(new Error(`failed (exit ${code}) in ${id}`));
          running--;
          finished++;
          for (const dependent of dependents.get(id) ?? []) {
            const left = waiting.get(dependent)!;
            left.delete(id);
            if (left.size === 0) ready.push(dependent);
          }
          if (finished === units.length) resolve();
          else startReady();
        });
      }
    };
    startReady();
  });
}

function listCommand(tool: Exclude<Tool, 'floor'>, bin: Binaries, directory: string): Command {
  if (tool === 'strata')
    return { file: bin.node, args: [bin.cli, 'graph', '--manifest', 'layers.yml'], cwd: directory };
  if (tool === 'terragrunt')
    return { file: bin.terragrunt!, args: ['dag', 'graph'], cwd: path.join(directory, 'units') };
  return { file: bin.terramate!, args: ['list', '--run-order'], cwd: directory };
}

/** A tool's step: a command to run, or (the floor) work done here. */
type Step = Command | (() => Promise<void>);

/** Wall time of one step in ms, or why it failed. */
async function time(command: Step): Promise<number | string> {
  const start = performance.now();
  if (typeof command === 'function')
    return command().then(
      () => performance.now() - start,
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    );
  const result = spawnSync(command.file, command.args, {
    cwd: command.cwd,
    env: { ...process.env, ...TOFU_ENV, ...command.env },
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const elapsed = performance.now() - start;
  if (result.status === 0) return elapsed;
  const tail = (result.error ? result.error.message : result.stderr).trim().split('\n').slice(-3).join(' / ');
  return `failed (exit ${result.status}): ${tail}`;
}

/** Removes what `init` made (cold), and the state too when `state` (from nothing). */
function reset(tool: Tool, directory: string, state: boolean): void {
  if (tool === 'strata') {
    rmSync(path.join(directory, '.strata'), { recursive: true, force: true });
    if (state) rmSync(path.join(directory, 'state'), { recursive: true, force: true });
    return;
  }
  const units = path.join(directory, 'units');
  for (const unit of readdirSync(units)) {
    const names = ['.terraform', '.terraform.lock.hcl', '.terragrunt-cache'];
    if (state) names.push('terraform.tfstate', 'terraform.tfstate.backup');
    for (const name of names) rmSync(path.join(units, unit, name), { recursive: true, force: true });
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** One cell: the median in seconds, or the first failure. */
function cell(samples: (number | string)[] | undefined): string {
  if (!samples || samples.length === 0) return '–';
  const failure = samples.find((sample) => typeof sample === 'string');
  if (failure !== undefined) return failure;
  return (median(samples as number[]) / 1000).toFixed(2);
}

function version(file: string, args: string[]): string {
  const result = spawnSync(file, args, { encoding: 'utf8', env: { ...process.env, ...TOFU_ENV } });
  return result.status === 0
    ? result.stdout.trim().split('\n')[0]!
    : `(version unknown: exit ${result.status})`;
}

/** The binary of a peer, or why there is none. */
function findPeer(name: string, variable: string): { file?: string; reason?: string } {
  const fromEnv = process.env[variable];
  if (fromEnv) return { file: fromEnv };
  const file = path.join(ROOT, '.tools', 'bin', name);
  if (existsSync(file)) return { file };
  const note = `${file}.unavailable`;
  return {
    reason: existsSync(note)
      ? readFileSync(note, 'utf8').trim()
      : `not built: no ${path.relative(ROOT, file)} (run npm run tools:peers) and no $${variable}`,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '3' },
      'list-runs': { type: 'string', default: '5' },
      parallelism: { type: 'string', default: '1,4' },
      estate: { type: 'string', default: '2,3,5' },
      'list-sizes': { type: 'string', default: '1k,10k' },
      tools: { type: 'string', default: TOOLS.join(',') },
      'skip-runs': { type: 'boolean', default: false },
      'skip-list': { type: 'boolean', default: false },
      cli: { type: 'string', default: path.join(ROOT, 'dist', 'cli.js') },
      keep: { type: 'boolean', default: false },
    },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`--runs must be a whole number ≥ 1, got '${values.runs}'`);
  const listRuns = Number(values['list-runs']);
  if (!Number.isInteger(listRuns) || listRuns < 1)
    throw new Error(`--list-runs must be a whole number ≥ 1, got '${values['list-runs']}'`);
  const parallelisms = values.parallelism.split(',').map(Number);
  const [accounts, regions, environments] = values.estate.split(',').map(Number);
  const estate: EstateSize = { accounts: accounts!, regions: regions!, environments: environments! };
  const tools = values.tools.split(',') as Tool[];
  for (const tool of tools) if (!TOOLS.includes(tool)) throw new Error(`--tools: unknown tool '${tool}'`);
  const tofu = process.env.STRATA_TERRAFORM ?? path.join(ROOT, '.tools', 'bin', 'tofu');
  if (!existsSync(tofu))
    throw new Error(`no OpenTofu at ${tofu}: run npm run tools, or set STRATA_TERRAFORM`);
  if (!existsSync(values.cli)) throw new Error(`no CLI at ${values.cli}: run npm run build`);

  const terragrunt = findPeer('terragrunt', 'TERRAGRUNT');
  const terramate = findPeer('terramate', 'TERRAMATE');
  const bin: Binaries = {
    node: process.execPath,
    cli: values.cli,
    tofu,
    ...(terragrunt.file ? { terragrunt: terragrunt.file } : {}),
    ...(terramate.file ? { terramate: terramate.file } : {}),
  };
  const unavailable = new Map<Tool, string>();
  if (terragrunt.reason) unavailable.set('terragrunt', terragrunt.reason);
  if (terramate.reason) unavailable.set('terramate', terramate.reason);
  const active = tools.filter((tool) => !unavailable.has(tool));

  const versions: Record<Tool, string> = {
    strata: `Strata ${(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version} (${version('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD'])}) on Node ${process.version}`,
    terragrunt: bin.terragrunt ? version(bin.terragrunt, ['--version']) : unavailable.get('terragrunt')!,
    terramate: bin.terramate
      ? `Terramate ${version(bin.terramate, ['version'])}`
      : unavailable.get('terramate')!,
    floor: 'OpenTofu alone: one process per unit and step, in dependency order, nothing around it',
  };
  const units = expandEstate(estate);
  console.log(
    `peer benchmark: ${units.length} instances (${estate.accounts} accounts × ${estate.regions} regions × ${estate.environments} environments, ${LAYERS.length} layers), median of ${runs} runs`,
  );
  console.log(
    `  ${version(tofu, ['version'])} (${tofu}); ${os.cpus().length} CPUs, ${os.cpus()[0]?.model ?? 'unknown CPU'}, load ${os
      .loadavg()
      .map((load) => load.toFixed(1))
      .join(' ')}`,
  );
  for (const tool of tools) console.log(`  ${tool}: ${versions[tool]}`);

  const scratch = mkdtempSync(path.join(os.tmpdir(), 'strata-bench-peers-'));
  const samples = new Map<string, (number | string)[]>();
  const record = (row: string, tool: Tool, value: number | string) => {
    const key = `${row}\u0000${tool}`;
    samples.set(key, [...(samples.get(key) ?? []), value]);
  };
  const rows: string[] = [];
  try {
    if (!values['skip-runs']) {
      const directories = new Map<Tool, string>();
      for (const tool of active) {
        const directory = path.join(scratch, 'estate', tool);
        mkdirSync(directory, { recursive: true });
        writeNative(tool, directory, estate);
        directories.set(tool, directory);
      }
      for (const parallelism of parallelisms)
        rows.push(
          `apply, parallelism ${parallelism}`,
          `plan cold, parallelism ${parallelism}`,
          `plan warm, parallelism ${parallelism}`,
        );
      for (let run = 1; run <= runs; run++) {
        for (const parallelism of parallelisms) {
          for (const tool of active) {
            const directory = directories.get(tool)!;
            const command = commands(tool, bin, directory, parallelism, units);
            reset(tool, directory, true);
            record(`apply, parallelism ${parallelism}`, tool, await time(command.apply));
            reset(tool, directory, false);
            record(`plan cold, parallelism ${parallelism}`, tool, await time(command.coldPlan));
            record(`plan warm, parallelism ${parallelism}`, tool, await time(command.plan));
          }
          console.log(`  run ${run}/${runs}, parallelism ${parallelism}: done`);
        }
      }
    }
    if (!values['skip-list']) {
      for (const label of values['list-sizes'].split(',')) {
        const size = LIST_SIZES[label];
        if (!size)
          throw new Error(
            `--list-sizes: unknown size '${label}'; known: ${Object.keys(LIST_SIZES).join(', ')}`,
          );
        const listUnits = expandEstate(size);
        const row = `list run order, ${listUnits.length} units`;
        rows.push(row);
        for (const tool of active) {
          if (tool === 'floor') continue;
          const directory = path.join(scratch, `list-${label}`, tool);
          mkdirSync(directory, { recursive: true });
          writeNative(tool, directory, size);
          for (let run = 0; run < listRuns; run++)
            record(row, tool, await time(listCommand(tool, bin, directory)));
        }
        console.log(`  listed ${label}`);
      }
    }
  } finally {
    if (values.keep) console.log(`kept ${scratch}`);
    else rmSync(scratch, { recursive: true, force: true });
  }

  console.log('');
  console.log(`| wall time, s (median of ${runs}) | ${tools.join(' | ')} |`);
  console.log(`|---|${tools.map(() => '---').join('|')}|`);
  for (const row of rows)
    console.log(
      `| ${row} | ${tools.map((tool) => (unavailable.has(tool) ? 'not run' : cell(samples.get(`${row}\u0000${tool}`)))).join(' | ')} |`,
    );
  for (const [tool, reason] of unavailable) console.log(`${tool}: ${reason}`);

  const ratio = (row: string, target: string) => {
    const value = (tool: Tool) => {
      const sample = samples.get(`${row}\u0000${tool}`);
      return sample?.every((s) => typeof s === 'number') ? median(sample) : undefined;
    };
    const strata = value('strata');
    const peers = (['terragrunt', 'terramate'] as Tool[]).map(value).filter((v) => v !== undefined);
    if (strata === undefined || peers.length === 0)
      return `${row}: not judged (${strata === undefined ? 'Strata was not' : 'no peer was'} measured); target ${target}`;
    return `${row}: Strata / faster peer = ${(strata / Math.min(...peers)).toFixed(2)}; target ${target}`;
  };
  /** A peer that runs OpenTofu once per instance and step is no faster than the floor: Strata / peer ≤ Strata / floor. */
  const floorRatio = (row: string) => {
    const strata = samples.get(`${row}\u0000strata`);
    const floor = samples.get(`${row}\u0000floor`);
    if (!strata?.every((s) => typeof s === 'number') || !floor?.every((s) => typeof s === 'number')) return;
    console.log(
      `${row}: Strata / floor = ${(median(strata) / median(floor)).toFixed(2)} (Strata / any peer is at most this)`,
    );
  };
  console.log('');
  if (rows.includes('plan warm, parallelism 4')) {
    console.log(ratio('plan warm, parallelism 4', '≤ 0.80'));
    floorRatio('plan warm, parallelism 4');
  }
  const tenK = rows.find(
    (row) => row.startsWith('list run order') && Number(row.split(', ')[1]!.split(' ')[0]) > 9000,
  );
  if (tenK) console.log(ratio(tenK, '≤ 0.20 (5× faster)'));
}

await main();
