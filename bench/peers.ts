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
 * (initialised, no changes: nothing is removed before it). Then the run order of generated 1k and 10k estates is
 * listed: `strata graph`, `terragrunt dag graph`, `terramate list --run-order`, each bounded by --list-timeout.
 * Figures are medians of the runs' wall times.
 *
 * Every tool runs OpenTofu through one logging wrapper (see writeTofuWrapper), and a run counts only when the
 * tool did the whole step: exit code 0; every unit ran `tofu apply` (or `plan`) exactly once; after an apply
 * every unit's state holds its layer's resources; a warm plan printed "No changes." once per unit; a listing
 * names every unit. Otherwise the cell gives the reason, never a time. The processes per unit of each step are
 * printed under the table. Terragrunt's warm plan runs with --no-auto-init (see commands); Terramate v0.4.5's
 * `run` has no --parallel, so its cells above parallelism 1 say so instead of repeating its serial figures.
 *
 * Binaries: OpenTofu from $STRATA_TERRAFORM or .tools/bin/tofu; Terragrunt and Terramate from $TERRAGRUNT /
 * $TERRAMATE or .tools/bin/ (`npm run tools:peers`); a peer that is missing keeps its column with the reason (the
 * build script leaves it in .tools/bin/NAME.unavailable). Terragrunt is given the binary with --tf-path; Terramate
 * runs it from the stack's `sh -c` step, with its version checkpoint disabled. The layer code needs no provider
 * to download (`terraform_data` is built in).
 *
 * A fourth column, `floor`, runs OpenTofu alone in the same units (see TOOLS): the cost of the processes
 * themselves, so that each tool's own overhead shows as its distance from it.
 *
 * Options: --runs N (default 3), --list-runs N (listing, default 5), --list-timeout S (per listing, default
 * 120), --parallelism 1,4, --estate A,R,E
 * (accounts, regions, environments; default 2,3,5: 105 instances), --list-sizes 1k,10k,
 * --tools strata,terragrunt,terramate,floor, --skip-runs (listing only), --skip-list, --cli FILE (default
 * dist/cli.js), --keep (keep the scratch directory).
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
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
 * A tool that runs OpenTofu once per instance and step in dependency order is no faster: what a tool takes
 * beyond it is the tool's own work (outputs read, plans summarised, its start-up and scheduling).
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

/** Terramate asks checkpoint.terramate.io for its newest version unless told not to: the bench calls no network. */
const TERRAMATE_ENV = { CHECKPOINT_DISABLE: '1' };

/**
 * Every tool runs OpenTofu through this wrapper: it appends one line per process to `log` (the unit — Strata's
 * STRATA_INSTANCE_ID, else the working directory, which is the unit's for the peers — then the arguments) and
 * execs the real binary. It costs every tool the same, one `sh` start per OpenTofu process, and shows what each
 * one ran: the check that every unit ran its step once, and the processes per unit.
 */
function writeTofuWrapper(directory: string, tofu: string, log: string): string {
  const file = path.join(directory, 'tofu');
  const quote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;
  writeFileSync(
    file,
    [
      '#!/bin/sh',
      `printf '%s\\t%s\\n' "\${STRATA_INSTANCE_ID:-$PWD}" "$*" >> ${quote(log)}`,
      `exec ${quote(tofu)} "$@"`,
      '',
    ].join('\n'),
    { mode: 0o755 },
  );
  return file;
}

/** One OpenTofu process from the wrapper's log: its unit and its subcommand (`plan`, `output`, `version`…). */
interface TofuCall {
  unit: string;
  subcommand: string;
}

function readCalls(log: string): TofuCall[] {
  if (!existsSync(log)) return [];
  return readFileSync(log, 'utf8')
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => {
      const [unit = '', args = ''] = line.split('\t');
      const words = args.split(' ').filter((word) => word.length > 0);
      const subcommand = words.find((word) => !word.startsWith('-')) ?? words[0]?.replace(/^-+/, '') ?? '';
      return { unit, subcommand };
    });
}

/** `tofu plan` or `tofu apply` ran once for every unit, else what is missing. */
function checkEveryUnitRan(calls: TofuCall[], subcommand: string, unitCount: number): string | undefined {
  const perUnit = new Map<string, number>();
  for (const call of calls)
    if (call.subcommand === subcommand) perUnit.set(call.unit, (perUnit.get(call.unit) ?? 0) + 1);
  const twice = [...perUnit.values()].filter((count) => count > 1).length;
  if (perUnit.size === unitCount && twice === 0) return undefined;
  return `incomplete: ${perUnit.size} of ${unitCount} units ran \`tofu ${subcommand}\`${twice > 0 ? `, ${twice} more than once` : ''}`;
}

/** Processes per unit of one step, by subcommand: `2.86 (plan 1.00, output 1.86)`. */
function processesPerUnit(calls: TofuCall[], unitCount: number): string {
  const bySubcommand = new Map<string, number>();
  for (const call of calls) bySubcommand.set(call.subcommand, (bySubcommand.get(call.subcommand) ?? 0) + 1);
  const parts = [...bySubcommand]
    .sort(([, a], [, b]) => b - a)
    .map(([name, count]) => `${name} ${(count / unitCount).toFixed(2)}`);
  return `${(calls.length / unitCount).toFixed(2)} (${parts.join(', ')})`;
}

/** A warm plan: every unit's OpenTofu said "No changes.", in whatever the tool prints around it. */
function checkNoChanges(stdout: string, unitCount: number): string | undefined {
  const unchanged = stdout.match(/No changes\./g)?.length ?? 0;
  return unchanged === unitCount
    ? undefined
    : `not warm: ${unchanged} of ${unitCount} units planned no changes`;
}

/** Where `tool` keeps the state of `unit` (the manifest's local backend path for Strata). */
function stateFile(tool: Tool, directory: string, unit: Unit): string {
  return tool === 'strata'
    ? path.join(directory, 'state', `${unit.id}.tfstate`)
    : path.join(directory, 'units', unit.dir, 'terraform.tfstate');
}

/** After an apply: every unit's state holds its layer's count of resources, else the first that does not. */
function checkStates(tool: Tool, directory: string, units: Unit[]): string | undefined {
  for (const unit of units) {
    const file = stateFile(tool, directory, unit);
    if (!existsSync(file)) return `incomplete: no state for ${unit.id} (${path.relative(directory, file)})`;
    const state = JSON.parse(readFileSync(file, 'utf8')) as { resources?: { instances: unknown[] }[] };
    const count = (state.resources ?? []).reduce((sum, resource) => sum + resource.instances.length, 0);
    if (count !== unit.layer.resources)
      return `incomplete: ${unit.id}'s state holds ${count} resources, not ${unit.layer.resources}`;
  }
  return undefined;
}

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
    const all = (flags: string[], ...tail: string[]): Command => ({
      file: bin.terragrunt!,
      args: [
        'run',
        '--all',
        '--non-interactive',
        ...flags,
        '--parallelism',
        p,
        '--tf-path',
        bin.tofu,
        '--',
        ...tail,
      ],
      cwd: path.join(directory, 'units'),
    });
    return {
      // Told that the units are initialised: its auto-init would run `init` again in every unit without modules
      // (gruntwork-io/terragrunt#1921), and in every dependency before reading its outputs, warm or not.
      plan: all(['--no-auto-init'], 'plan', '-input=false'),
      coldPlan: all([], 'plan', '-input=false'),
      apply: all([], 'apply', '-auto-approve', '-input=false'),
    };
  }
  const each = (steps: string): Step =>
    tool === 'terramate'
      ? {
          file: bin.terramate!,
          args: [
            'run',
            '--disable-safeguards=all',
            ...(parallelism > 1 ? ['--parallel', p] : []),
            '--',
            'sh',
            '-c',
            steps,
          ],
          cwd: directory,
          env: { TOFU: bin.tofu, ...TERRAMATE_ENV },
        }
      : (stdout: string) => runInOrder(units, steps, bin.tofu, directory, parallelism, stdout);
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
  stdout: string,
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
  // Appending: the units' processes write their lines whole, side by side.
  const output = openSync(stdout, 'a');
  return new Promise<void>((resolve, reject) => {
    const startReady = () => {
      while (running < parallelism && ready.length > 0) {
        const id = ready.shift()!;
        running++;
        const child = spawn('sh', ['-c', steps], {
          cwd: path.join(directory, 'units', byId.get(id)!.dir),
          env: { ...process.env, ...TOFU_ENV, TOFU: tofu },
          stdio: ['ignore', output, 'ignore'],
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
  }).finally(() => closeSync(output));
}

/** How many distinct units a run-order listing names: Strata's text lines, the DOT graph's nodes, Terramate's lines. */
function listedUnits(tool: Exclude<Tool, 'floor'>, stdout: string): number {
  const lines = stdout.split('\n');
  if (tool === 'strata')
    return new Set(lines.filter((line) => /^ {2}\S/.test(line)).map((line) => line.trim().split(/\s+/)[0]))
      .size;
  if (tool === 'terragrunt') return new Set([...stdout.matchAll(/"([^"]+)"/g)].map((match) => match[1])).size;
  return new Set(lines.map((line) => line.trim()).filter((line) => line.length > 0)).size;
}

function listCommand(tool: Exclude<Tool, 'floor'>, bin: Binaries, directory: string): Command {
  if (tool === 'strata')
    return { file: bin.node, args: [bin.cli, 'graph', '--manifest', 'layers.yml'], cwd: directory };
  if (tool === 'terragrunt')
    return { file: bin.terragrunt!, args: ['dag', 'graph'], cwd: path.join(directory, 'units') };
  return { file: bin.terramate!, args: ['list', '--run-order'], cwd: directory, env: TERRAMATE_ENV };
}

/** A tool's step: a command to run, or (the floor) work done here, its processes' output appended to a file. */
type Step = Command | ((stdout: string) => Promise<void>);

/** Terragrunt colours its log lines; a reason in a cell is plain text. */
const ANSI_COLOUR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** Wall time of one step in ms, or why it failed; a command's standard output goes to `stdout`. */
async function time(
  command: Command | (() => Promise<void>),
  stdout: string,
  timeoutMs?: number,
): Promise<number | string> {
  const start = performance.now();
  if (typeof command === 'function')
    return command().then(
      () => performance.now() - start,
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    );
  const output = openSync(stdout, 'w');
  let result;
  try {
    result = spawnSync(command.file, command.args, {
      cwd: command.cwd,
      env: { ...process.env, ...TOFU_ENV, ...command.env },
      stdio: ['ignore', output, 'pipe'],
      encoding: 'utf8',
      maxBuffer: 1 << 30,
      ...(timeoutMs === undefined ? {} : { timeout: timeoutMs, killSignal: 'SIGKILL' }),
    });
  } finally {
    closeSync(output);
  }
  const elapsed = performance.now() - start;
  if (result.status === 0) return elapsed;
  if (timeoutMs !== undefined && result.signal === 'SIGKILL')
    return `over ${(timeoutMs / 1000).toFixed(0)} s (stopped)`;
  const tail = (result.error ? result.error.message : result.stderr)
    .replace(ANSI_COLOUR, '')
    .trim()
    .split('\n')
    .slice(-3)
    .join(' / ');
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
  const result = spawnSync(file, args, {
    encoding: 'utf8',
    env: { ...process.env, ...TOFU_ENV, ...TERRAMATE_ENV },
  });
  return result.status === 0
    ? result.stdout.trim().split('\n')[0]!
    : `(version unknown: exit ${result.status})`;
}

/** Whether this Terramate's `run` takes `--parallel` (v0.4.5's does not: it runs its stacks one by one). */
function runsInParallel(terramate: string): boolean {
  const help = spawnSync(terramate, ['run', '--help'], {
    encoding: 'utf8',
    env: { ...process.env, ...TERRAMATE_ENV },
  });
  return `${help.stdout}${help.stderr}`.includes('--parallel');
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
      'list-timeout': { type: 'string', default: '120' },
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
  const listTimeoutMs = Number(values['list-timeout']) * 1000;
  if (!(listTimeoutMs > 0))
    throw new Error(`--list-timeout must be a number of seconds > 0, got '${values['list-timeout']}'`);
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
  /** Tools that run one unit at a time whatever they are asked: their cells above parallelism 1 say so. */
  const serialReasons = new Map<Tool, string>();
  if (bin.terramate && !runsInParallel(bin.terramate))
    serialReasons.set(
      'terramate',
      `runs one stack at a time: Terramate v${version(bin.terramate, ['version'])} has no run --parallel`,
    );
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
  /** OpenTofu processes per unit of each row and tool, from its first run. */
  const processes = new Map<string, string>();
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
      const log = path.join(scratch, 'tofu-calls.log');
      const runBin = { ...bin, tofu: writeTofuWrapper(scratch, tofu, log) };
      /** Runs one step, and records its wall time only when the tool did the whole step (see the checks). */
      const measure = async (
        row: string,
        tool: Tool,
        step: Step,
        check: (calls: TofuCall[], stdout: string) => string | undefined,
      ) => {
        rmSync(log, { force: true });
        const stdout = path.join(scratch, `stdout of ${tool}, ${row}.txt`);
        // The floor's processes append to it: without this, run 2 counted run 1's "No changes." too.
        rmSync(stdout, { force: true });
        const outcome = await time(typeof step === 'function' ? () => step(stdout) : step, stdout);
        const calls = readCalls(log);
        record(row, tool, typeof outcome === 'number' ? (check(calls, stdout) ?? outcome) : outcome);
        const key = `${row}\u0000${tool}`;
        if (!processes.has(key)) processes.set(key, processesPerUnit(calls, units.length));
      };
      for (let run = 1; run <= runs; run++) {
        for (const parallelism of parallelisms) {
          for (const tool of active) {
            const rowsOf = (step: string) => `${step}, parallelism ${parallelism}`;
            const serialOnly = parallelism > 1 ? serialReasons.get(tool) : undefined;
            if (serialOnly !== undefined) {
              for (const step of ['apply', 'plan cold', 'plan warm']) record(rowsOf(step), tool, serialOnly);
              continue;
            }
            const directory = directories.get(tool)!;
            const command = commands(tool, runBin, directory, parallelism, units);
            const ran = (subcommand: string) => (calls: TofuCall[]) =>
              checkEveryUnitRan(calls, subcommand, units.length);
            reset(tool, directory, true);
            await measure(
              rowsOf('apply'),
              tool,
              command.apply,
              (calls) => ran('apply')(calls) ?? checkStates(tool, directory, units),
            );
            reset(tool, directory, false);
            await measure(rowsOf('plan cold'), tool, command.coldPlan, ran('plan'));
            await measure(
              rowsOf('plan warm'),
              tool,
              command.plan,
              (calls, stdout) =>
                ran('plan')(calls) ?? checkNoChanges(readFileSync(stdout, 'utf8'), units.length),
            );
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
          const stdout = path.join(scratch, `list-${label}`, `${tool}.txt`);
          for (let run = 0; run < listRuns; run++) {
            const outcome = await time(listCommand(tool, bin, directory), stdout, listTimeoutMs);
            const listed = listedUnits(tool, readFileSync(stdout, 'utf8'));
            record(
              row,
              tool,
              typeof outcome === 'string' || listed === listUnits.length
                ? outcome
                : `incomplete: listed ${listed} of ${listUnits.length} units`,
            );
            if (typeof outcome === 'string') break;
          }
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
  if (processes.size > 0) {
    console.log('');
    console.log("OpenTofu processes per unit (first run; from the wrapper's call log):");
    for (const row of rows)
      for (const tool of tools) {
        const count = processes.get(`${row}\u0000${tool}`);
        if (count !== undefined) console.log(`  ${row}, ${tool}: ${count}`);
      }
  }

  const ratio = (row: string, target: string) => {
    const value = (tool: Tool) => {
      const sample = samples.get(`${row}\u0000${tool}`);
      return sample?.every((s) => typeof s === 'number') ? median(sample) : undefined;
    };
    const strata = value('strata');
    // A peer whose cell gives a reason (not run, one stack at a time, incomplete) is not in the race.
    const peers = (['terragrunt', 'terramate'] as Tool[])
      .map((tool) => ({ tool, wall: value(tool) }))
      .filter((peer): peer is { tool: Tool; wall: number } => peer.wall !== undefined)
      .sort((a, b) => a.wall - b.wall);
    const faster = peers[0];
    if (strata === undefined || faster === undefined)
      return `${row}: not judged (${strata === undefined ? 'Strata was not' : 'no peer was'} measured); target ${target}`;
    return `${row}: Strata / faster peer (${faster.tool}) = ${(strata / faster.wall).toFixed(2)}; target ${target}`;
  };
  /** How far Strata is from the cost of the OpenTofu processes alone. */
  const floorRatio = (row: string) => {
    const strata = samples.get(`${row}\u0000strata`);
    const floor = samples.get(`${row}\u0000floor`);
    if (!strata?.every((s) => typeof s === 'number') || !floor?.every((s) => typeof s === 'number')) return;
    console.log(
      `${row}: Strata / floor = ${(median(strata) / median(floor)).toFixed(2)} (the floor: OpenTofu's processes alone)`,
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
