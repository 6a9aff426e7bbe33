import { beforeAll, describe, expect, it } from '@jest/globals';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { classifyFailure } from '../../src/terraform/failure-kind.js';
import { NEUTRAL_WORDING } from '../../src/core/wording.js';
import { parseLockError } from '../../src/terraform/lock-info.js';
import { parseOutputsJson } from '../../src/terraform/outputs.js';
import { storedOutputsOfPlanFile } from '../../src/terraform/plan-file-outputs.js';
import { parsePlanJson } from '../../src/terraform/plan-summary.js';
import { parseVersionJson } from '../../src/terraform/version.js';
import { scratchDir, startProcess } from '../helpers/scratch.js';
import { STAND_IN, realTerraform, type TerraformUnderTest } from '../helpers/terraform-binary.js';

/**
 * The stand-in stays honest: the same small configurations run through the real binary (the OpenTofu that
 * `npm run tools` builds, or STRATA_TERRAFORM) and through the stand-in, and everything Strata reads is
 * compared: exit codes, `version -json`, the plan JSON of `show -json`, `output -json`, the state file, the
 * lock error of a blocked operation and the refusal of a stale plan. Strata's own parsers read both sides too,
 * so a difference that would change what Strata does shows as a difference of their results.
 *
 * The stand-in is run as the same product (STANDIN_PRODUCT: `opentofu` against OpenTofu, `terraform` against
 * Terraform) claiming the same version (STANDIN_VERSION), so the texts and JSON shapes must match exactly.
 * What legitimately differs between two runs is normalised: UUIDs (resource ids, lineages, lock ids), times,
 * the `after Ns` of apply lines, and the order of lines that the real binary prints from parallel walks.
 * The stand-in's default (Terraform) flavour is compared too, for the keys only Terraform prints.
 */

const real = realTerraform();
const suite = real ? describe : describe.skip;
const title = real
  ? `the stand-in against ${real.name}`
  : 'the stand-in against a real binary (skipped: no real binary: run npm run tools)';

type Json = Record<string, unknown>;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

interface Started {
  child: ChildProcessWithoutNullStreams;
  done: Promise<Run>;
}

/** A binary and the environment every run of it gets. */
interface Side {
  binary: string;
  env: Record<string, string>;
}

/** The same thing done on both sides. */
interface Both<T> {
  real: T;
  standIn: T;
}

const isOpenTofu = (binary: TerraformUnderTest): boolean => binary.name.startsWith('OpenTofu');
const versionOf = (binary: TerraformUnderTest): string => binary.name.split(' ')[1] ?? '';

let root: string;
let sides: Both<Side>;
/** The stand-in as Strata's suites run it: its default flavour (Terraform 1.13.5). */
let defaultStandIn: Side;

function start(side: Side, args: string[], cwd: string, extraEnv: Record<string, string> = {}): Started {
  const child = startProcess(side.binary, args, {
    cwd,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...side.env, ...extraEnv },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const done = new Promise<Run>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  return { child, done };
}

const run = (side: Side, args: string[], cwd: string): Promise<Run> => start(side, args, cwd).done;

/** One configuration, in a folder per side. */
function twin(name: string, mainTf: string) {
  const dirs: Both<string> = {
    real: path.join(root, name, 'real'),
    standIn: path.join(root, name, 'stand-in'),
  };
  const write = (text: string) => {
    for (const dir of [dirs.real, dirs.standIn]) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'main.tf'), text);
    }
  };
  write(mainTf);
  return {
    dirs,
    write,
    /** Runs `args` on both sides at once. */
    run: async (...args: string[]): Promise<Both<Run>> => {
      const [onReal, onStandIn] = await Promise.all([
        run(sides.real, args, dirs.real),
        run(sides.standIn, args, dirs.standIn),
      ]);
      return { real: onReal, standIn: onStandIn };
    },
    file: (which: keyof Both<unknown>, relative: string) => path.join(dirs[which], relative),
  };
}

const codes = (both: Both<Run>): Both<number | null> => ({
  real: both.real.code,
  standIn: both.standIn.code,
});

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const GO_TIME = /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)? \+0000 UTC/g;
const RFC3339 = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z/g;

/** Text with what differs from run to run replaced: ids, times, how long an apply step took. */
function normalise(text: string): string {
  return text
    .replace(UUID, '<uuid>')
    .replace(GO_TIME, '<time>')
    .replace(RFC3339, '<time>')
    .replace(/ after \d+s/g, ' after <n>s');
}

const parse = (text: string): Json => JSON.parse(normalise(text)) as Json;
const keys = (value: unknown): string[] => Object.keys(value as Json);

/**
 * The real binary walks the graph in parallel, so the lines it prints per resource (refreshing, creating,
 * destroying…) come in any order: those are compared as a sorted list, the rest of the text as it is.
 */
function progressApart(text: string): { progress: string[]; rest: string } {
  const lines = normalise(text).split('\n');
  const isProgress = (line: string) => /^terraform_data\.\w+: /.test(line);
  return { progress: lines.filter(isProgress).sort(), rest: lines.filter((l) => !isProgress(l)).join('\n') };
}

interface ResourceChange {
  address: string;
  action_reason?: string;
  change: { actions: string[] };
}

/** The parts of a plan Strata relies on, each compared on its own before the whole document is. */
function expectSamePlan(both: Both<Run>): void {
  expect(codes(both)).toEqual({ real: 0, standIn: 0 });
  const [theirs, ours] = [parse(both.real.stdout), parse(both.standIn.stdout)];
  expect(keys(ours)).toEqual(keys(theirs));
  expect(typeof ours.format_version).toBe('string');
  expect(ours.format_version).toBe(theirs.format_version);
  const changes = (doc: Json) =>
    ((doc.resource_changes ?? []) as ResourceChange[]).map(({ address, change, action_reason }) => ({
      address,
      actions: change.actions,
      action_reason,
    }));
  expect(changes(ours)).toEqual(changes(theirs));
  expect(ours.output_changes).toEqual(theirs.output_changes);
  expect('prior_state' in ours).toBe('prior_state' in theirs);
  expect(ours.prior_state).toEqual(theirs.prior_state);
  // What Strata makes of it: counts of create/update/delete/replace, the changes, the outputs, the flags.
  expect(parsePlanJson(both.standIn.stdout)).toEqual(parsePlanJson(both.real.stdout));
  expect(ours).toEqual(theirs);
}

/** `plan -out -detailed-exitcode` on both sides, then `show -json` of the plan: the exit code it gave. */
async function planAndCompare(config: ReturnType<typeof twin>, planFile: string, extra: string[] = []) {
  const plan = await config.run(
    'plan',
    '-input=false',
    '-no-color',
    `-out=${planFile}`,
    '-detailed-exitcode',
    '-lock-timeout=1s',
    ...extra,
  );
  expect(plan.standIn.stderr).toBe(plan.real.stderr);
  expect(progressApart(plan.standIn.stdout)).toEqual(progressApart(plan.real.stdout));
  expectSamePlan(await config.run('show', '-json', '-no-color', planFile));
  // Strata takes an unchanged state's outputs from the saved plan instead of running `output -json`: the
  // state stored inside it must give what `output -json` prints before anything is applied.
  const stored = (which: keyof Both<unknown>) =>
    storedOutputsOfPlanFile(readFileSync(config.file(which, planFile)));
  const outputs = await config.run('output', '-json', '-no-color');
  expect(codes(outputs)).toEqual({ real: 0, standIn: 0 });
  expect(stored('real')).toEqual(parseOutputsJson(outputs.real.stdout));
  expect(stored('standIn')).toEqual(stored('real'));
  return codes(plan);
}

/** `apply PLANFILE`, `output -json` and the state file on both sides. */
async function applyAndCompare(config: ReturnType<typeof twin>, planFile: string, statePath: string) {
  const applied = await config.run('apply', '-input=false', '-no-color', '-lock-timeout=1s', planFile);
  expect(codes(applied)).toEqual({ real: 0, standIn: 0 });
  expect(applied.standIn.stderr).toBe(applied.real.stderr);
  expect(progressApart(applied.standIn.stdout)).toEqual(progressApart(applied.real.stdout));

  const outputs = await config.run('output', '-json', '-no-color');
  expect(codes(outputs)).toEqual({ real: 0, standIn: 0 });
  expect(outputs.standIn.stdout).toBe(outputs.real.stdout);
  expect(parseOutputsJson(outputs.standIn.stdout)).toEqual(parseOutputsJson(outputs.real.stdout));

  const state = (which: keyof Both<unknown>) =>
    normalise(readFileSync(config.file(which, statePath), 'utf8'));
  expect(state('standIn')).toBe(state('real'));
  return JSON.parse(outputs.real.stdout) as Json;
}

const BACKEND = 'terraform {\n  backend "local" {}\n}\n';

suite(title, () => {
  beforeAll(() => {
    if (!real) return; // (never: the suite is skipped then)
    root = scratchDir('strata-differential-');
    sides = {
      real: { binary: real.path, env: real.env },
      standIn: {
        binary: STAND_IN.path,
        env: {
          ...real.env,
          STANDIN_PRODUCT: isOpenTofu(real) ? 'opentofu' : 'terraform',
          STANDIN_VERSION: versionOf(real),
        },
      },
    };
    defaultStandIn = { binary: STAND_IN.path, env: real.env };
  });

  it('prints the same version -json: keys, value types and values', async () => {
    const [theirs, ours] = await Promise.all([
      run(sides.real, ['version', '-json'], root),
      run(sides.standIn, ['version', '-json'], root),
    ]);
    expect(codes({ real: theirs, standIn: ours })).toEqual({ real: 0, standIn: 0 });
    const types = (doc: Json) => Object.entries(doc).map(([key, value]) => [key, typeof value]);
    expect(types(parse(ours.stdout))).toEqual(types(parse(theirs.stdout)));
    expect(ours.stdout).toBe(theirs.stdout);
    expect(parseVersionJson(ours.stdout)).toEqual(parseVersionJson(theirs.stdout));
  });

  it("keeps Terraform's shapes in the default flavour: only the keys Terraform alone prints are added", async () => {
    // The stand-in that Strata's other suites run imitates Terraform 1.13.5. Against OpenTofu it differs by
    // Terraform's own keys only: terraform_outdated (OpenTofu never checks for a newer release), the plan's
    // applyable and complete, and the state's identity_schema_version.
    const opentofu = isOpenTofu(real!);
    const config = twin('flavour', `${BACKEND}\nresource "terraform_data" "a" {\n  input = "a"\n}\n`);
    const dirs = { real: config.dirs.real, terraform: path.join(root, 'flavour', 'terraform') };
    mkdirSync(dirs.terraform, { recursive: true });
    writeFileSync(path.join(dirs.terraform, 'main.tf'), readFileSync(path.join(dirs.real, 'main.tf')));
    const both = async (...args: string[]) => {
      const [theirs, ours] = await Promise.all([
        run(sides.real, args, dirs.real),
        run(defaultStandIn, args, dirs.terraform),
      ]);
      expect(codes({ real: theirs, standIn: ours })).toEqual({ real: 0, standIn: 0 });
      return { theirs: theirs.stdout, ours: ours.stdout };
    };
    const bothKeys = async (...args: string[]) => {
      const { theirs, ours } = await both(...args);
      return { theirs: keys(parse(theirs)), ours: keys(parse(ours)) };
    };
    const withTerraformKeys = (list: string[], extra: string[], before: string) => {
      const at = list.indexOf(before);
      return opentofu ? [...list.slice(0, at), ...extra, ...list.slice(at)] : list;
    };

    const version = await bothKeys('version', '-json');
    expect(version.ours).toEqual([...version.theirs, ...(opentofu ? ['terraform_outdated'] : [])]);

    await both('init', '-input=false', '-no-color', '-backend-config=path=flavour.tfstate');
    await both('plan', '-input=false', '-no-color', '-out=p.tfplan');
    const plan = await bothKeys('show', '-json', 'p.tfplan');
    expect(plan.ours).toEqual(withTerraformKeys(plan.theirs, ['applyable', 'complete'], 'errored'));

    await both('apply', '-input=false', '-no-color', 'p.tfplan');
    const instanceKeys = (dir: string) => {
      const state = JSON.parse(readFileSync(path.join(dir, 'flavour.tfstate'), 'utf8')) as {
        resources: { instances: Json[] }[];
      };
      return keys(state.resources[0]?.instances[0]);
    };
    expect(instanceKeys(dirs.terraform)).toEqual(
      opentofu ? [...instanceKeys(dirs.real), 'identity_schema_version'] : instanceKeys(dirs.real),
    );
  });

  it('agrees through a life: create, no change, update/replace/create, delete, destroy', async () => {
    const variables = `variable "secret" {
  type      = string
  default   = "hunter2"
  sensitive = true
}

variable "shape" {
  type    = object({ name = string, size = optional(number), tags = optional(list(string), []) })
  default = { name = "small" }
}

variable "anything" {
  type    = any
  default = { a = [1, "two"] }
}
`;
    const config = twin(
      'life',
      `${BACKEND}
${variables}
resource "terraform_data" "first" {
  input = "one"
}

resource "terraform_data" "second" {
  input            = var.shape
  triggers_replace = "x"
  depends_on       = [terraform_data.first]
}

resource "terraform_data" "third" {
  input            = { list = [1, 2], flag = true }
  triggers_replace = "t1"
}

output "first" {
  value = terraform_data.first.output
}

output "secret" {
  value     = var.secret
  sensitive = true
}

output "known" {
  value = { n = 1, l = [1, "a"], b = true }
}

output "nothing" {
  value = null
}
`,
    );
    const statePath = 'state/life.tfstate';
    const init = await config.run(
      'init',
      '-input=false',
      '-no-color',
      '-reconfigure',
      `-backend-config=path=${statePath}`,
    );
    expect(codes(init)).toEqual({ real: 0, standIn: 0 });
    expect(init.standIn.stdout).toBe(init.real.stdout);
    expect(init.standIn.stderr).toBe(init.real.stderr);

    // 1. everything is new
    expect(await planAndCompare(config, 'create.tfplan')).toEqual({ real: 2, standIn: 2 });
    // the plan's lock created an empty state file and removed it again, on both sides
    expect(existsSync(config.file('standIn', statePath))).toBe(existsSync(config.file('real', statePath)));
    const created = await applyAndCompare(config, 'create.tfplan', statePath);
    expect(created.secret).toEqual({ sensitive: true, type: 'string', value: 'hunter2' });

    // 2. nothing changed
    expect(await planAndCompare(config, 'same.tfplan')).toEqual({ real: 0, standIn: 0 });

    // 3. an in-place update (with an output that becomes unknown), a nested update, a replacement, a
    // create, an output removed and one added
    config.write(`${BACKEND}
${variables}
resource "terraform_data" "first" {
  input = "uno"
}

resource "terraform_data" "second" {
  input            = merge(var.shape, { size = 2 })
  triggers_replace = "x"
  depends_on       = [terraform_data.first]
}

resource "terraform_data" "third" {
  input            = { list = [1, 2], flag = true }
  triggers_replace = "t2"
}

resource "terraform_data" "fourth" {
  input = var.anything
}

output "first" {
  value = terraform_data.first.output
}

output "secret" {
  value     = var.secret
  sensitive = true
}

output "fourth" {
  value = terraform_data.fourth.input
}
`);
    expect(await planAndCompare(config, 'change.tfplan')).toEqual({ real: 2, standIn: 2 });
    await applyAndCompare(config, 'change.tfplan', statePath);

    // 4. resources and an output dropped from the configuration are deleted
    config.write(`${BACKEND}
resource "terraform_data" "first" {
  input = "uno"
}

output "first" {
  value = terraform_data.first.output
}
`);
    expect(await planAndCompare(config, 'delete.tfplan')).toEqual({ real: 2, standIn: 2 });
    await applyAndCompare(config, 'delete.tfplan', statePath);

    // 5. destroy
    expect(await planAndCompare(config, 'destroy.tfplan', ['-destroy'])).toEqual({ real: 2, standIn: 2 });
    expect(await applyAndCompare(config, 'destroy.tfplan', statePath)).toEqual({});
  });

  it('fails the same way: exit 1 and the same diagnostics for bad backend settings and configurations', async () => {
    const config = twin('errors', `${BACKEND}\nvariable "region" {\n  type = string\n}\n`);
    const badInit = await config.run('init', '-input=false', '-no-color', '-backend-config=bucket=x');
    expect(codes(badInit)).toEqual({ real: 1, standIn: 1 });
    expect(badInit.standIn.stdout).toBe(badInit.real.stdout);
    expect(badInit.standIn.stderr).toBe(badInit.real.stderr);
    const init = await config.run('init', '-input=false', '-no-color', '-backend-config=path=errors.tfstate');
    expect(codes(init)).toEqual({ real: 0, standIn: 0 });

    const missing = await config.run('plan', '-input=false', '-no-color', '-detailed-exitcode');
    expect(codes(missing)).toEqual({ real: 1, standIn: 1 });
    expect(missing.standIn.stderr).toContain('Error: No value for required variable');
    expect(missing.standIn.stderr).toBe(missing.real.stderr);

    // one error per configuration: the order in which the real binary reports errors of different nodes
    // is its graph walk's, which the stand-in does not imitate
    for (const body of [
      'variable "token" {\n  default   = "t0ken"\n  sensitive = true\n}\n\noutput "token" {\n  value = var.token\n}\n',
      'output "other" {\n  value = var.nope\n}\n',
      'variable "region" {\n  default = "x"\n}\n\noutput "o" {\n  value = var.regoin\n}\n', // Did you mean…?
      'locals {\n  zone = "z"\n}\n\noutput "o" {\n  value = local.zones\n}\n',
      'resource "terraform_data" "a" {\n  input = terraform_data.b.output\n}\n',
    ]) {
      config.write(`${BACKEND}\n${body}`);
      const invalid = await config.run('plan', '-input=false', '-no-color', '-detailed-exitcode');
      expect(codes(invalid)).toEqual({ real: 1, standIn: 1 });
      expect(invalid.standIn.stderr).toBe(invalid.real.stderr);
    }

    const noPlan = await config.run('show', '-json', '-no-color', 'missing.tfplan');
    expect(codes(noPlan)).toEqual({ real: 1, standIn: 1 });
    expect(noPlan.standIn.stderr).toBe(noPlan.real.stderr);
  });

  it('blocks a second operation on a held state lock with the same error and Lock Info', async () => {
    const config = twin('lock', `${BACKEND}\nvariable "hold" {\n  type = string\n}\n`);
    const statePath = 'state/lock.tfstate';
    await config.run('init', '-input=false', '-no-color', `-backend-config=path=${statePath}`);
    const lockFile = (which: keyof Both<unknown>) => config.file(which, 'state/.lock.tfstate.lock.info');

    // The real binary takes the lock before it asks for a variable with no value, and holds it while it
    // waits for the answer on stdin; the stand-in is told to hang in its plan.
    const holders: Both<Started> = {
      real: start(sides.real, ['plan', '-no-color', '-input=true'], config.dirs.real),
      standIn: start(sides.standIn, ['plan', '-no-color', '-var', 'hold=x'], config.dirs.standIn, {
        STANDIN_HANG: 'plan:*',
      }),
    };
    const until = Date.now() + 20_000;
    while (!existsSync(lockFile('real')) || !existsSync(lockFile('standIn'))) {
      if (Date.now() > until) throw new Error('the holders did not take their locks within 20 s');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const lockInfo = (which: keyof Both<unknown>) => parse(readFileSync(lockFile(which), 'utf8'));
    expect(keys(lockInfo('standIn'))).toEqual(keys(lockInfo('real')));
    expect(lockInfo('standIn')).toEqual(lockInfo('real'));
    expect(statSync(lockFile('standIn')).mode & 0o777).toBe(statSync(lockFile('real')).mode & 0o777);

    const blocked = await config.run(
      'plan',
      '-input=false',
      '-no-color',
      '-lock-timeout=1s',
      '-var',
      'hold=x',
      '-detailed-exitcode',
      '-out=blocked.tfplan',
    );
    expect(codes(blocked)).toEqual({ real: 1, standIn: 1 });
    expect(blocked.standIn.stdout).toBe(blocked.real.stdout); // "Acquiring state lock. This may take a few moments..."
    const [theirs, ours] = [normalise(blocked.real.stderr), normalise(blocked.standIn.stderr)];
    // the summary line, then the Lock Info fields in their order, then the trailing hint
    const structure = (text: string) => ({
      summary: text.split('\n')[1],
      fields: [...text.matchAll(/^ {2}(\w+): +/gm)].map((match) => match[1]),
      hint: text.slice(text.lastIndexOf('\n\n') + 2),
    });
    expect(structure(ours)).toEqual(structure(theirs));
    expect(structure(ours).fields).toEqual(['ID', 'Path', 'Operation', 'Who', 'Version', 'Created', 'Info']);
    expect(ours).toBe(theirs);
    expect(parseLockError(ours)).toEqual(parseLockError(theirs));
    expect(parseLockError(blocked.standIn.stderr)).toMatchObject({
      path: statePath,
      operation: 'OperationTypePlan',
      message: 'resource temporarily unavailable',
    });
    expect(classifyFailure(blocked.standIn.stderr, NEUTRAL_WORDING.command).kind).toBe('state-lock');
    expect(classifyFailure(blocked.real.stderr, NEUTRAL_WORDING.command).kind).toBe('state-lock');

    // release: the real binary gets its answer and finishes its plan; the stand-in is interrupted
    holders.real.child.stdin.end('x\n');
    holders.standIn.child.kill('SIGINT');
    expect((await holders.real.done).code).toBe(0);
    expect((await holders.standIn.done).code).toBe(1);
    expect(existsSync(lockFile('standIn'))).toBe(false);
    expect(existsSync(lockFile('real'))).toBe(false);
    // the empty state file the holder's lock created is gone again on both sides
    expect(existsSync(config.file('standIn', statePath))).toBe(existsSync(config.file('real', statePath)));
  });

  it('refuses a saved plan after the state moved on, with the same error', async () => {
    const config = twin('stale', `${BACKEND}\nresource "terraform_data" "a" {\n  input = "a"\n}\n`);
    await config.run('init', '-input=false', '-no-color', '-backend-config=path=stale.tfstate');
    const plan = (file: string) =>
      config.run('plan', '-input=false', '-no-color', `-out=${file}`, '-detailed-exitcode');
    expect(codes(await plan('first.tfplan'))).toEqual({ real: 2, standIn: 2 });
    expect(codes(await plan('second.tfplan'))).toEqual({ real: 2, standIn: 2 });
    expect(codes(await config.run('apply', '-input=false', '-no-color', 'first.tfplan'))).toEqual({
      real: 0,
      standIn: 0,
    });

    const stale = await config.run('apply', '-input=false', '-no-color', 'second.tfplan');
    expect(codes(stale)).toEqual({ real: 1, standIn: 1 });
    expect(stale.standIn.stderr).toContain('Error: Saved plan is stale');
    expect(stale.standIn.stderr).toBe(stale.real.stderr);
    expect(stale.standIn.stdout).toBe(stale.real.stdout);
    expect(classifyFailure(stale.standIn.stderr, NEUTRAL_WORDING.command).kind).toBe('stale-plan');
    expect(classifyFailure(stale.real.stderr, NEUTRAL_WORDING.command).kind).toBe('stale-plan');
  });
});
