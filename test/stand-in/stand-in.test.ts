import { beforeAll, describe, expect, it } from '@jest/globals';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readFixture } from '../helpers/fixtures.js';
import { scratchDir, startProcess } from '../helpers/scratch.js';

/**
 * The Terraform stand-in (test/stand-in/terraform) against real Terraform: its plan JSON, output JSON, state,
 * plan text and error texts are compared with the real captures in test/fixtures/terraform, and each
 * failure-injection variable is shown to work. Every test runs the executable as Strata does: argument
 * arrays, cwd = the layer directory, its own TF_DATA_DIR, TF_IN_AUTOMATION=1 and STRATA_INSTANCE_ID.
 */

const STANDIN = path.resolve('test/stand-in/terraform');
const EXAMPLE = path.resolve('examples/multi-region');

type Json = Record<string, unknown>;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

interface Started {
  child: ChildProcessWithoutNullStreams;
  done: Promise<Run>;
}

let root: string;

beforeAll(() => {
  root = scratchDir('strata-stand-in-');
});

function start(args: string[], cwd: string, env: NodeJS.ProcessEnv): Started {
  const began = Date.now();
  const child = startProcess(STANDIN, args, {
    cwd,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const done = new Promise<Run>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: Date.now() - began })),
  );
  return { child, done };
}

const tf = (args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Run> => start(args, cwd, env).done;

async function waitFor(file: string, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!existsSync(file)) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${file}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const readJson = (file: string): Json => JSON.parse(readFileSync(file, 'utf8')) as Json;
const parse = (text: string): Json => JSON.parse(text) as Json;
const keys = (value: unknown): string[] => Object.keys(value as Json);

function defined<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`expected ${what}`);
  return value;
}

/** The first capture group of `pattern` in `text`. */
function capture(pattern: RegExp, text: string): string {
  return defined(pattern.exec(text)?.[1], `${String(pattern)} to match`);
}

/** A fresh copy of the example estate. */
function estate(name: string): string {
  const dir = path.join(root, name);
  cpSync(path.join(EXAMPLE, 'terraform'), path.join(dir, 'terraform'), { recursive: true });
  return dir;
}

/** One layer instance of an estate, run the way Strata runs it. */
function instance(
  dir: string,
  layer: string,
  id: string,
  stateRegion: string,
  extraEnv: NodeJS.ProcessEnv = {},
) {
  const cwd = path.join(dir, 'terraform', layer);
  const slug = id.replace(/\//g, '_');
  const env: NodeJS.ProcessEnv = {
    TF_IN_AUTOMATION: '1',
    TF_DATA_DIR: path.join(dir, '.strata', 'data', slug),
    STRATA_INSTANCE_ID: id,
    ...extraEnv,
  };
  const statePath = `../../../state/${stateRegion}/${id}.tfstate`;
  const varFile = path.join(dir, '.strata', `${slug}.tfvars.json`);
  return {
    cwd,
    env,
    statePath: path.resolve(cwd, statePath),
    varFile,
    init: (more: NodeJS.ProcessEnv = {}, backendPath = statePath) =>
      tf(['init', '-input=false', '-no-color', '-reconfigure', `-backend-config=path=${backendPath}`], cwd, {
        ...env,
        ...more,
      }),
    plan: (planFile: string, extra: string[] = [], more: NodeJS.ProcessEnv = {}) =>
      tf(
        [
          'plan',
          '-input=false',
          '-no-color',
          `-out=${planFile}`,
          '-detailed-exitcode',
          '-lock-timeout=1s',
          `-var-file=${varFile}`,
          ...extra,
        ],
        cwd,
        { ...env, ...more },
      ),
    apply: (planFile: string, more: NodeJS.ProcessEnv = {}) =>
      tf(['apply', '-input=false', '-no-color', '-auto-approve', planFile], cwd, { ...env, ...more }),
    output: (more: NodeJS.ProcessEnv = {}) => tf(['output', '-json', '-no-color'], cwd, { ...env, ...more }),
    show: (planFile: string) => tf(['show', '-json', '-no-color', planFile], cwd, env),
    vars: (values: Json) => {
      mkdirSync(path.dirname(varFile), { recursive: true });
      writeFileSync(varFile, JSON.stringify(values, null, 2));
    },
  };
}

const APP_VARS = {
  environment: 'staging',
  region: 'eu-west-2',
  role: 'primary',
  failover: false,
  failed_region: '',
  instance_count: 2,
  network: {
    vpc_id: 'vpc-0a1b2c3d',
    cidr_block: '10.20.0.0/16',
    snapshot_bucket: 'example-snapshots-eu-west-2',
  },
  dns: { zone_name: 'example.internal' },
};

/** A directory holding one configuration file, for plans shaped like a fixture's. */
function config(name: string, text: string): { cwd: string; env: NodeJS.ProcessEnv } {
  const cwd = path.join(root, name);
  mkdirSync(cwd, { recursive: true });
  writeFileSync(path.join(cwd, 'main.tf'), text);
  return { cwd, env: { TF_IN_AUTOMATION: '1', TF_DATA_DIR: path.join(cwd, '.tfdata') } };
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** The same JSON with every uuid replaced, so plans from different runs compare. */
function withoutIds(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value).replace(UUID, 'ID')) as unknown;
}

describe('version', () => {
  it('prints Terraform 1.13.5 as JSON, overridable with STANDIN_VERSION', async () => {
    const real = await tf(['version', '-json'], root, {});
    expect(real.code).toBe(0);
    expect(parse(real.stdout)).toEqual({
      terraform_version: '1.13.5',
      platform: 'linux_amd64',
      provider_selections: {},
      terraform_outdated: false,
    });
    const other = await tf(['version', '-json'], root, { STANDIN_VERSION: '1.11.4' });
    expect(parse(other.stdout).terraform_version).toBe('1.11.4');
  });
});

describe('STANDIN_PRODUCT=opentofu', () => {
  // What OpenTofu 1.12.6 printed for the same commands (differential.test.ts compares the whole of it with a
  // real build when there is one; these run without it).
  it('imitates OpenTofu 1.12.6: version, plan JSON keys, variable types, state, texts', async () => {
    const { cwd, env } = config(
      'opentofu',
      'terraform {\n  backend "local" {}\n}\n\nvariable "size" {\n  type    = object({ n = optional(number) })\n  default = {}\n}\n\nresource "terraform_data" "a" {\n  input = var.size\n}\n',
    );
    const tofu = { ...env, STANDIN_PRODUCT: 'opentofu' };
    const version = await tf(['version', '-json'], cwd, tofu);
    expect(parse(version.stdout)).toEqual({
      terraform_version: '1.12.6',
      platform: 'linux_amd64',
      provider_selections: {},
    });
    expect((await tf(['version'], cwd, tofu)).stdout).toBe('OpenTofu v1.12.6\non linux_amd64\n');

    const badInit = await tf(['init', '-input=false', '-no-color', '-backend-config=bucket=x'], cwd, tofu);
    expect(badInit.stdout).toBe('\nInitializing the backend...\n');
    expect(badInit.stderr).toMatch(/expected for the selected backend type\.\n\n$/); // one more empty line
    const init = await tf(['init', '-input=false', '-no-color', '-backend-config=path=s.tfstate'], cwd, tofu);
    expect(init.stdout).toContain('- terraform.io/builtin/terraform is built in to OpenTofu\n');
    expect(init.stdout).toContain('\nOpenTofu has been successfully initialized!\n');

    const plan = await tf(['plan', '-input=false', '-no-color', '-out=p.tfplan'], cwd, tofu);
    expect(plan.stdout).toContain('\nOpenTofu will perform the following actions:\n');
    const doc = parse((await tf(['show', '-json', 'p.tfplan'], cwd, tofu)).stdout);
    expect(keys(doc)).toEqual([
      'format_version',
      'terraform_version',
      'variables',
      'planned_values',
      'resource_changes',
      'configuration',
      'timestamp',
      'errored',
    ]);
    expect(((doc.configuration as Json).root_module as Json).variables).toEqual({
      size: { type: ['object', { n: 'number' }, ['n']], default: { n: null } },
    });

    expect((await tf(['apply', '-input=false', '-no-color', 'p.tfplan'], cwd, tofu)).code).toBe(0);
    const stateText = readFileSync(path.join(cwd, 's.tfstate'), 'utf8');
    expect(stateText.endsWith('}\n\n')).toBe(true);
    const state = parse(stateText) as { resources: { instances: Json[] }[] };
    expect(keys(state.resources[0]?.instances[0])).toEqual([
      'schema_version',
      'attributes',
      'sensitive_attributes',
    ]);

    const wrong = await tf(['version'], cwd, { ...env, STANDIN_PRODUCT: 'opentf' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toBe(
      'terraform stand-in: STANDIN_PRODUCT must be one of terraform, opentofu, got "opentf"\n',
    );
  });
});

describe('plan JSON against real Terraform', () => {
  it('matches the real terraform_data create, no-op and update plans (Terraform 1.7.5) exactly', async () => {
    const { cwd, env } = config(
      'terraform-data',
      'resource "terraform_data" "foo-bar" {\n  input = "foo"\n}\n',
    );
    const v175 = { ...env, STANDIN_VERSION: '1.7.5' };
    const compare = async (planFile: string, fixture: string) => {
      const ours = parse((await tf(['show', '-json', planFile], cwd, v175)).stdout);
      const real = parse(readFixture('terraform', fixture));
      // Terraform 1.7 had no `applyable`/`complete` yet; the timestamp differs by run.
      for (const doc of [ours, real])
        for (const key of ['timestamp', 'applyable', 'complete']) delete doc[key];
      expect(withoutIds(ours)).toEqual(withoutIds(real));
    };

    expect((await tf(['plan', '-no-color', '-out=create.tfplan'], cwd, v175)).code).toBe(0);
    await compare('create.tfplan', 'plan-create-single.tf1.7.5.json');
    expect((await tf(['apply', '-no-color', 'create.tfplan'], cwd, v175)).code).toBe(0);
    expect((await tf(['plan', '-no-color', '-out=noop.tfplan'], cwd, v175)).code).toBe(0);
    await compare('noop.tfplan', 'plan-noop-single.tf1.7.5.json');
    writeFileSync(path.join(cwd, 'main.tf'), 'resource "terraform_data" "foo-bar" {\n  input = "bar"\n}\n');
    const update = await tf(['plan', '-no-color', '-out=update.tfplan'], cwd, v175);
    expect(update.stdout).toContain(
      '~ input  = "foo" -> "bar"\n      ~ output = "foo" -> (known after apply)\n',
    );
    await compare('update.tfplan', 'plan-update-in-place.tf1.7.5.json');
  });

  it('reproduces the equivalence-test plan with outputs only: JSON equal, plan text byte for byte', async () => {
    const objectType = `list(object({
    required_attribute              = string
    optional_attribute              = optional(string)
    optional_attribute_with_default = optional(string, "Hello, world!")
  }))`;
    const nested = (embedded: string) => `object({
    nested_object = optional(object({
      flag = optional(bool, false)
    })${embedded})
  })`;
    const names = [
      'list_empty_default',
      'list_no_default',
      'nested_optional_object',
      'nested_optional_object_with_default',
      'nested_optional_object_with_embedded_default',
    ];
    const { cwd, env } = config(
      'outputs-only',
      [
        `variable "list_empty_default" {\n  type    = ${objectType}\n  default = []\n}`,
        `variable "list_no_default" {\n  type = ${objectType}\n}`,
        `variable "nested_optional_object" {\n  type    = ${nested('')}\n  default = {}\n}`,
        `variable "nested_optional_object_with_default" {\n  type = ${nested('')}\n  default = {\n    nested_object = {}\n  }\n}`,
        `variable "nested_optional_object_with_embedded_default" {\n  type    = ${nested(', {}')}\n  default = {}\n}`,
        ...names.map((name) => `output "${name}" {\n  value = var.${name}\n}`),
      ].join('\n\n') + '\n',
    );
    const fixture = parse(readFixture('terraform', 'eqtest-outputs-only.plan.json'));
    const given = defined(
      (fixture.variables as Record<string, { value: unknown }>).list_no_default,
      'a value',
    ).value;
    writeFileSync(path.join(cwd, 'vars.json'), JSON.stringify({ list_no_default: given }));
    const interactive = { TF_DATA_DIR: env.TF_DATA_DIR };

    const plan = await tf(
      ['plan', '-no-color', '-out=equivalence_test_plan', '-var-file=vars.json'],
      cwd,
      interactive,
    );
    expect(plan.code).toBe(0);
    expect(plan.stdout).toBe(readFixture('terraform', 'eqtest-outputs-only.plan.txt'));

    const ours = parse((await tf(['show', '-json', 'equivalence_test_plan'], cwd, env)).stdout);
    // The equivalence harness drops terraform_version; Terraform 1.5.7 had no applyable/complete yet.
    for (const key of ['terraform_version', 'timestamp', 'applyable', 'complete', 'errored']) {
      delete ours[key];
      delete fixture[key];
    }
    delete (ours.prior_state as Json).terraform_version;
    expect(ours).toEqual(fixture);

    expect((await tf(['apply', '-no-color', 'equivalence_test_plan'], cwd, env)).code).toBe(0);
    const state = parse(readFixture('terraform', 'eqtest-outputs-only.state.json'));
    const outputs = parse((await tf(['output', '-json'], cwd, env)).stdout);
    expect(outputs).toEqual((state.values as Json).outputs);
    for (const name of names) expect(keys(outputs[name])).toEqual(['sensitive', 'type', 'value']);
    const shown = parse((await tf(['show', '-json'], cwd, env)).stdout);
    delete shown.terraform_version;
    expect(shown).toEqual(state);
  });

  it('has the key structure of real Terraform 1.13.5 create, replace, delete and no-change plans', async () => {
    const three = (names: string[], triggers: string) =>
      `variable "test" {\n  default   = 42\n  sensitive = true\n}\n\n` +
      names
        .map(
          (n) =>
            `resource "terraform_data" "${n}" {\n  input            = "\${var.test}-${n}"\n  triggers_replace = "${triggers}"\n}\n`,
        )
        .join('\n');
    const { cwd, env } = config('key-structure', three(['test', 'test2', 'test3'], 'a'));
    const show = async (planFile: string) => parse((await tf(['show', '-json', planFile], cwd, env)).stdout);
    const fixture = (name: string) => parse(readFixture('terraform', name));
    // The borchero fixtures were written through `jq 'del(.timestamp)'`.
    const withTimestamp = (doc: Json) => {
      const list = keys(doc);
      list.splice(list.indexOf('applyable'), 0, 'timestamp');
      return list;
    };
    type Change = { change: Json } & Json;
    const firstChange = (doc: Json) => defined((doc.resource_changes as Change[])[0], 'a resource change');

    expect((await tf(['plan', '-no-color', '-out=create.tfplan'], cwd, env)).code).toBe(0);
    const create = await show('create.tfplan');
    const realCreate = fixture('plan-create-3-resources.tf1.13.5.json');
    expect(keys(create)).toEqual(withTimestamp(realCreate));
    expect(keys(firstChange(create))).toEqual(keys(firstChange(realCreate)));
    expect(keys(firstChange(create).change)).toEqual(keys(firstChange(realCreate).change));
    const plannedResource = (doc: Json) =>
      defined(((doc.planned_values as Json).root_module as { resources: Json[] }).resources[0], 'a resource');
    expect(keys(plannedResource(create))).toEqual(keys(plannedResource(realCreate)));
    expect(firstChange(create).change.after_sensitive).toEqual({ input: true });
    expect((create.variables as Json).test).toEqual({ value: 42 });
    expect(((create.configuration as Json).root_module as Json).variables).toEqual({
      test: { default: 42, sensitive: true },
    });

    expect((await tf(['apply', '-no-color', 'create.tfplan'], cwd, env)).code).toBe(0);
    writeFileSync(path.join(cwd, 'main.tf'), three(['test', 'test2', 'test3'], 'b'));
    const replacePlan = await tf(['plan', '-no-color', '-out=replace.tfplan'], cwd, env);
    expect(replacePlan.stdout).toContain('-/+ resource "terraform_data" "test" {');
    expect(replacePlan.stdout).toContain('~ triggers_replace = "a" -> "b" # forces replacement');
    const replace = await show('replace.tfplan');
    const realReplace = fixture('plan-replace-2-resources.tf1.13.5.json');
    expect(keys(replace)).toEqual(withTimestamp(realReplace));
    expect(keys(firstChange(replace))).toEqual(keys(firstChange(realReplace)));
    expect(keys(firstChange(replace).change)).toEqual(keys(firstChange(realReplace).change));
    expect(firstChange(replace).change.actions).toEqual(['delete', 'create']);
    expect(firstChange(replace).change.replace_paths).toEqual([['triggers_replace']]);
    expect(firstChange(replace).action_reason).toBe('replace_because_cannot_update');
    expect(keys(replace.prior_state)).toEqual(keys(realReplace.prior_state));

    // the real fixture's configuration lost its variable too
    writeFileSync(
      path.join(cwd, 'main.tf'),
      'resource "terraform_data" "test2" {\n  input            = "42-test2"\n  triggers_replace = "b"\n}\n',
    );
    const del = await show(
      (await tf(['plan', '-no-color', '-out=delete.tfplan'], cwd, env), 'delete.tfplan'),
    );
    const realDelete = fixture('plan-delete-2-resources.tf1.13.5.json');
    expect(keys(del)).toEqual(withTimestamp(realDelete));
    const deleted = firstChange(del);
    expect(keys(deleted)).toEqual(keys(firstChange(realDelete)));
    expect(deleted.change).toMatchObject({
      actions: ['delete'],
      after: null,
      after_unknown: {},
      after_sensitive: false,
    });
    expect(deleted.action_reason).toBe('delete_because_no_resource_config');

    const empty = config('no-changes', '# nothing here\n');
    expect((await tf(['plan', '-no-color', '-out=none.tfplan'], empty.cwd, empty.env)).stdout).toBe(
      readFixture('terraform', 'plan-no-changes.tf1.13.5.txt'),
    );
    const none = parse((await tf(['show', '-json', 'none.tfplan'], empty.cwd, empty.env)).stdout);
    expect(typeof none.timestamp).toBe('string');
    delete none.timestamp;
    expect(none).toEqual(fixture('plan-no-changes.tf1.13.5.json'));
  });
});

describe('the example estate', () => {
  it('plans, applies and plans again: exit 2 then 0, outputs like terraform output -json', async () => {
    const dir = estate('cycle');
    const app = instance(dir, 'environment/app', 'prod/eu-west-2/staging/app', 'eu-west-2');
    app.vars(APP_VARS);
    expect((await app.init()).code).toBe(0);
    const first = await app.plan('../../../.strata/app.tfplan');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(2);
    expect(first.stdout).toContain('Plan: 2 to add, 0 to change, 0 to destroy.');
    expect(first.stdout).toContain('+ password_sha256 = (sensitive value)');
    expect(first.stdout).toContain('+ db_connection_string = (sensitive value)');

    const planJson = parse((await app.show('../../../.strata/app.tfplan')).stdout);
    const changes = planJson.output_changes as Record<string, Json>;
    expect(changes.url).toMatchObject({
      actions: ['create'],
      after: 'https://staging.eu-west-2.example.internal',
      after_unknown: false,
    });
    expect(changes.db_endpoint).toMatchObject({ actions: ['create'], after_unknown: true });
    expect(changes.db_endpoint).not.toHaveProperty('after');
    expect(changes.db_connection_string).toMatchObject({ before_sensitive: true, after_sensitive: true });

    const applied = await app.apply('../../../.strata/app.tfplan');
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('Apply complete! Resources: 2 added, 0 changed, 0 destroyed.');
    expect(applied.stdout).toContain('db_connection_string = <sensitive>');

    const outputs = parse((await app.output()).stdout) as Record<
      string,
      { sensitive: boolean; type: unknown; value: unknown }
    >;
    const realEntry = Object.values(
      (parse(readFixture('terraform', 'eqtest-outputs-only.state.json')).values as Json).outputs as Json,
    )[0];
    for (const entry of Object.values(outputs)) expect(keys(entry)).toEqual(keys(realEntry).sort());
    expect(outputs.db_connection_string).toEqual({
      sensitive: true,
      type: 'string',
      value: 'postgresql://app:example-only-not-a-secret@db.staging.eu-west-2.example.internal:5432/app',
    });
    expect(outputs.instance_ids?.type).toEqual(['tuple', ['string', 'string']]);
    expect(outputs.url?.value).toBe('https://staging.eu-west-2.example.internal');

    const state = readJson(app.statePath);
    expect(keys(state)).toEqual([
      'version',
      'terraform_version',
      'serial',
      'lineage',
      'outputs',
      'resources',
      'check_results',
    ]);
    expect(state).toMatchObject({ version: 4, terraform_version: '1.13.5', serial: 1, check_results: null });

    const second = await app.plan('../../../.strata/app2.tfplan');
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('No changes. Your infrastructure matches the configuration.');

    // failover: the database records the replicated snapshot it is restored from (an in-place update)
    app.vars({ ...APP_VARS, failover: true, failed_region: 'eu-west-1' });
    const failover = await app.plan('../../../.strata/app3.tfplan');
    expect(failover.code).toBe(2);
    expect(failover.stdout).toContain('# terraform_data.database will be updated in-place');
    expect(failover.stdout).toMatch(
      /~ restored_from += null -> "example-snapshots-eu-west-2\/eu-west-1\/staging\/latest"/,
    );
  });

  it('applies a destroy plan that empties the state', async () => {
    const dir = estate('destroy');
    const iam = instance(dir, 'account/iam', 'prod/iam', 'eu-west-2');
    iam.vars({ account: 'prod', account_id: '222222222222' });
    await iam.init();
    expect((await iam.plan('iam.tfplan')).code).toBe(2);
    expect((await iam.apply('iam.tfplan')).code).toBe(0);
    expect(parse((await iam.output()).stdout).deploy_role_arn).toMatchObject({
      value: 'arn:aws:iam::222222222222:role/strata-deploy',
    });

    const destroyPlan = await iam.plan('destroy.tfplan', ['-destroy']);
    expect(destroyPlan.code).toBe(2);
    expect(destroyPlan.stdout).toContain('# terraform_data.deploy_role will be destroyed');
    expect(destroyPlan.stdout).toContain('Plan: 0 to add, 0 to change, 1 to destroy.');
    const destroyed = await iam.apply('destroy.tfplan');
    expect(destroyed.stdout).toContain('terraform_data.deploy_role: Destruction complete after 0s');
    expect(readJson(iam.statePath)).toMatchObject({ serial: 2, outputs: {}, resources: [] });
    expect((await iam.output()).stdout).toBe('{}\n');
    expect((await iam.plan('again.tfplan', ['-destroy'])).stdout).toContain(
      'No changes. No objects need to be destroyed.',
    );
  });

  it("refuses a stale plan with Terraform's error", async () => {
    const dir = estate('stale');
    const dns = instance(dir, 'global/dns', 'dns', 'eu-west-2');
    dns.vars({ layer: 'dns' });
    await dns.init();
    await dns.plan('a.tfplan');
    await dns.plan('b.tfplan');
    expect((await dns.apply('b.tfplan')).code).toBe(0);
    const stale = await dns.apply('a.tfplan');
    expect(stale.code).toBe(1);
    expect(stale.stderr).toBe(
      '\nError: Saved plan is stale\n\nThe given plan file can no longer be applied because the state was changed by\nanother operation after the plan was created.\n',
    );
  });

  it('fails loudly, at the file and line, on configuration it does not implement', async () => {
    const { cwd, env } = config(
      'unsupported',
      'resource "terraform_data" "x" {\n  input = "a"\n  count = 2\n}\n',
    );
    const run = await tf(['plan', '-input=false', '-no-color'], cwd, env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'Error: Unsupported by the Terraform stand-in\n\n  on main.tf line 3, in resource "terraform_data" "x":\n   3:   count = 2\n',
    );

    writeFileSync(path.join(cwd, 'main.tf'), 'variable "region" {\n  type = string\n}\n');
    const missing = await tf(['plan', '-input=false', '-no-color'], cwd, env);
    expect(missing.stderr).toBe(
      '\nError: No value for required variable\n\n  on main.tf line 1:\n   1: variable "region" {\n\nThe root module input variable "region" is not set, and has no default value.\nUse a -var or -var-file command line argument to provide a value for this\nvariable.\n',
    );

    writeFileSync(path.join(cwd, 'main.tf'), 'terraform {\n  backend "local" {}\n}\n');
    const init = await tf(['init', '-input=false', '-no-color', '-backend-config=bucket=x'], cwd, env);
    expect(init.stderr).toBe(
      '\nError: Invalid backend configuration argument\n\nThe backend configuration argument "bucket" given on the command line is not\nexpected for the selected backend type.\n',
    );
  });
});

describe('locking', () => {
  it("times out with Terraform's lock error and Lock Info, and SIGINT releases a hung plan's lock", async () => {
    const dir = estate('lock');
    const net = instance(dir, 'region/network', 'prod/eu-west-2/network', 'eu-west-2');
    net.vars({
      region: 'eu-west-2',
      role: 'primary',
      iam: { deploy_role_arn: 'arn:aws:iam::222222222222:role/x' },
    });
    await net.init();
    const lockFile = path.join(path.dirname(net.statePath), '.network.tfstate.lock.info');
    const hung = start(
      ['plan', '-input=false', '-no-color', '-lock-timeout=1s', `-var-file=${net.varFile}`],
      net.cwd,
      { ...net.env, STANDIN_HANG: 'plan:prod/*/network' },
    );
    await waitFor(lockFile);
    const info = readJson(lockFile);
    expect(keys(info)).toEqual(['ID', 'Operation', 'Info', 'Who', 'Version', 'Created', 'Path']);

    const blocked = await net.plan('blocked.tfplan');
    expect(blocked.code).toBe(1);
    expect(blocked.ms).toBeGreaterThanOrEqual(900);
    // Terraform's templates, from the fixtures (clistate/state.go and statemgr/locker.go)
    const detailTemplate = capture(
      /LockErrorMessage = `([^`]*)`/,
      readFixture('terraform', 'errors', 'tf-v1.5.7.clistate-state.go.L22-45.lock-error-detail-template.txt'),
    );
    const infoTemplate = capture(
      /tmpl := `([^`]*)`/,
      readFixture('terraform', 'errors', 'tf-v1.5.7.statemgr-locker.go.L188-198.lock-info-template.txt'),
    );
    const created = String(info.Created).replace(/^(\d{4}-\d\d-\d\d)T([^Z]+)Z$/, '$1 $2 +0000 UTC');
    const lockInfo = infoTemplate.replace(/\{\{\.(\w+)\}\}/g, (_, field: string) =>
      field === 'Created' ? created : String(info[field]),
    );
    const summary = capture(
      /"(Error acquiring the state lock)"/,
      readFixture('terraform', 'errors', 'tf-v1.5.7.clistate-state.go.L128-136.lock-error-summary.txt'),
    );
    expect(blocked.stderr).toBe(
      `\nError: ${summary}\n\n${detailTemplate.replace('%s', `resource temporarily unavailable\n${lockInfo}`)}\n`,
    );
    expect(info).toMatchObject({ Operation: 'OperationTypePlan', Version: '1.13.5', Info: '' });
    expect(String(info.Path)).toBe('../../../state/eu-west-2/prod/eu-west-2/network.tfstate');

    hung.child.kill('SIGINT');
    const interrupted = await hung.done;
    expect(interrupted.code).toBe(1);
    expect(interrupted.stdout).toContain(
      'Interrupt received.\nPlease wait for Terraform to exit or data loss may occur.\nGracefully shutting down...\n',
    );
    expect(existsSync(lockFile)).toBe(false);
    expect((await net.plan('free.tfplan')).code).toBe(2);
  });
});

describe('failure injection and observation', () => {
  it('STANDIN_FAIL fails the matching command and instance only, with a realistic error', async () => {
    const dir = estate('fail');
    const dns = instance(dir, 'global/dns', 'dns', 'eu-west-2', { STANDIN_FAIL: 'plan:prod/*,apply:dns' });
    dns.vars({});
    await dns.init();
    expect((await dns.plan('dns.tfplan')).code).toBe(2); // plan:prod/* does not match "dns"
    const failed = await dns.apply('dns.tfplan');
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(
      /^\nError: error loading state: operation error S3: GetObject, https response error StatusCode: 403, .*api error AccessDenied: Access Denied\n\n$/,
    );
    // The failed apply wrote no state. (The plan's lock created an empty state file and removed it again,
    // as Terraform 1.13 and OpenTofu 1.12 both do: statemgr.Filesystem.Unlock.)
    expect(existsSync(dns.statePath)).toBe(false);
  });

  it('STANDIN_HANG hangs an apply in its first resource; SIGINT stops after it, keeps its state, frees the lock', async () => {
    const dir = estate('hang');
    const app = instance(dir, 'environment/app', 'prod/eu-west-2/staging/app', 'eu-west-2');
    app.vars(APP_VARS);
    await app.init();
    await app.plan('app.tfplan');
    const lockFile = path.join(path.dirname(app.statePath), '.app.tfstate.lock.info');
    const hung = start(['apply', '-input=false', '-no-color', 'app.tfplan'], app.cwd, {
      ...app.env,
      STANDIN_HANG: 'apply:*/staging/*',
    });
    await waitFor(lockFile);
    hung.child.kill('SIGINT');
    const run = await hung.done;
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /^terraform_data\.database: Creating\.\.\.\nInterrupt received\.\nPlease wait for Terraform to exit or data loss may occur\.\nGracefully shutting down\.\.\.\n\nStopping operation\.\.\.\nterraform_data\.database: Creation complete after 0s \[id=[0-9a-f-]{36}\]\n$/,
    );
    expect(run.stderr).toBe('\nError: execution halted\n\n');
    const state = readJson(app.statePath) as { resources: { name: string }[] };
    expect(state.resources.map((r) => r.name)).toEqual(['database']);
    expect(existsSync(lockFile)).toBe(false);
  });

  it('STANDIN_DOWN_REGIONS fails calls whose backend or context region is down, as an unreachable S3 endpoint', async () => {
    const dir = estate('down');
    const down = { STANDIN_DOWN_REGIONS: 'eu-west-2' };
    const west2 = instance(dir, 'environment/app', 'prod/eu-west-2/staging/app', 'eu-west-2', down);
    const init = await west2.init();
    expect(init.code).toBe(1);
    expect(init.stdout).toBe('\nInitializing the backend...\n');
    expect(init.stderr).toMatch(
      /^\nError: Failed to get existing workspaces: Unable to list objects in S3 bucket "terraform-state-eu-west-2": operation error S3: ListObjectsV2, exceeded maximum number of attempts, 5, https response error StatusCode: 0, .*request send failed, Get "https:\/\/terraform-state-eu-west-2\.s3\.eu-west-2\.amazonaws\.com\/.*": dial tcp: lookup terraform-state-eu-west-2\.s3\.eu-west-2\.amazonaws\.com: no such host\n\n$/,
    );
    expect((await west2.init({ STANDIN_DOWN_REGIONS: '' })).code).toBe(0);
    expect((await west2.output()).stderr).toMatch(
      /^\nError: Failed to load state: Unable to list objects in S3 bucket/,
    );

    // eu-west-1 keeps working, including its replica of the eu-west-2 state, but not for a plan in eu-west-2
    const west1 = instance(dir, 'environment/app', 'prod/eu-west-1/staging/app', 'eu-west-1', down);
    west1.vars({ ...APP_VARS, region: 'eu-west-1' });
    await west1.init();
    expect((await west1.plan('west1.tfplan')).code).toBe(2);
    const replica = instance(dir, 'environment/app', 'prod/eu-west-2/staging/app', 'eu-west-1', down);
    expect(
      (await replica.init(down, '../../../state/eu-west-1/prod/eu-west-2/staging/app.tfstate')).code,
    ).toBe(0);
    expect((await replica.output()).stdout).toBe('{}\n');
    west1.vars({ ...APP_VARS, region: 'eu-west-2' });
    const provider = await west1.plan('west1.tfplan');
    expect(provider.code).toBe(1);
    expect(provider.stderr).toContain(
      'Error: Retrieving AWS account details: validating provider credentials: retrieving caller identity from STS',
    );
    expect(provider.stderr).toContain('dial tcp: lookup sts.eu-west-2.amazonaws.com: no such host');
  });

  it('STANDIN_CALL_LOG records every call with argv, cwd, instance, backend, region and time', async () => {
    const dir = estate('log');
    const log = path.join(dir, 'calls.jsonl');
    const net = instance(dir, 'region/network', 'prod/eu-west-1/network', 'eu-west-1', {
      STANDIN_CALL_LOG: log,
    });
    net.vars({
      region: 'eu-west-1',
      role: 'secondary',
      iam: { deploy_role_arn: 'arn:aws:iam::222222222222:role/x' },
    });
    await net.init();
    await net.plan('net.tfplan');
    await net.show('net.tfplan');
    const lines = readFileSync(log, 'utf8').trim().split('\n').map(parse);
    expect(lines).toHaveLength(3);
    for (const line of lines)
      expect(keys(line)).toEqual(['argv', 'cwd', 'instance', 'backend', 'region', 'time']);
    const backend = {
      type: 'local',
      config: { path: '../../../state/eu-west-1/prod/eu-west-1/network.tfstate' },
    };
    expect(lines[0]).toMatchObject({
      argv: [
        'init',
        '-input=false',
        '-no-color',
        '-reconfigure',
        `-backend-config=path=${backend.config.path}`,
      ],
      cwd: net.cwd,
      instance: 'prod/eu-west-1/network',
      backend,
      region: null,
    });
    expect(lines[1]).toMatchObject({
      argv: expect.arrayContaining(['plan', `-var-file=${net.varFile}`]) as unknown,
      backend,
      region: 'eu-west-1',
    });
    expect(lines[2]).toMatchObject({
      argv: ['show', '-json', '-no-color', 'net.tfplan'],
      backend: null,
      region: null,
    });
    expect(Date.parse(String(lines[1]?.time))).not.toBeNaN();
  });

  it('STANDIN_REPLICATE copies state and locks to the replica region, but not the removal of a lock', async () => {
    const dir = estate('replicate');
    const replicate = { STANDIN_REPLICATE: 'eu-west-2:eu-west-1' };
    const dns = instance(dir, 'global/dns', 'dns', 'eu-west-2', replicate);
    dns.vars({});
    await dns.init();
    await dns.plan('dns.tfplan');
    await dns.apply('dns.tfplan');
    const replicaState = path.join(dir, 'state', 'eu-west-1', 'dns.tfstate');
    expect(readFileSync(replicaState, 'utf8')).toBe(readFileSync(dns.statePath, 'utf8'));

    // a lock taken in eu-west-2 is replicated; its release is not
    const hung = start(['plan', '-input=false', '-no-color', `-var-file=${dns.varFile}`], dns.cwd, {
      ...dns.env,
      STANDIN_HANG: 'plan:dns',
    });
    const replicaLock = path.join(dir, 'state', 'eu-west-1', '.dns.tfstate.lock.info');
    await waitFor(replicaLock);
    hung.child.kill('SIGINT');
    await hung.done;
    expect(existsSync(path.join(dir, 'state', 'eu-west-2', '.dns.tfstate.lock.info'))).toBe(false);
    expect(existsSync(replicaLock)).toBe(true);

    const failover = instance(dir, 'global/dns', 'dns', 'eu-west-1', replicate);
    failover.vars({});
    await failover.init();
    const blocked = await tf(
      ['plan', '-input=false', '-no-color', '-lock-timeout=0s', `-var-file=${failover.varFile}`],
      failover.cwd,
      failover.env,
    );
    expect(blocked.code).toBe(1);
    expect(blocked.stderr).toContain('Error: Error acquiring the state lock');
    expect(blocked.stderr).toContain('  Path:      ../../../state/eu-west-2/dns.tfstate\n');
    expect(parse((await failover.output()).stdout).zone_name).toMatchObject({ value: 'example.internal' });
  });

  it('STANDIN_REPLICATE keeps an s3 key as S3 replication does: the region is replaced in the bucket only', async () => {
    const dir = estate('replicate-s3');
    const cwd = path.join(dir, 'terraform', 'global', 'dns');
    const code = path.join(cwd, 'main.tf');
    writeFileSync(code, readFileSync(code, 'utf8').replace('backend "local" {}', 'backend "s3" {}'));
    const env = {
      TF_IN_AUTOMATION: '1',
      STANDIN_STATE_DIR: path.join(dir, 'stores'),
      STANDIN_REPLICATE: 'eu-west-2:eu-west-1',
    };
    const varFile = path.join(dir, 'dns.tfvars.json');
    writeFileSync(varFile, '{}\n');
    const inStore = (region: string, key: string) => async (data: string) => {
      const more = { ...env, TF_DATA_DIR: path.join(dir, data) };
      const backend = [`bucket=tfstate-${region}`, `key=${key}`, `region=${region}`];
      const init = await tf(
        ['init', '-input=false', '-no-color', ...backend.map((b) => `-backend-config=${b}`)],
        cwd,
        more,
      );
      expect(init.code).toBe(0);
      return more;
    };
    const source = await inStore('eu-west-2', 'eu-west-2/dns.tfstate')('source');
    expect(
      (
        await tf(
          ['plan', '-input=false', '-no-color', '-out=dns.tfplan', `-var-file=${varFile}`],
          cwd,
          source,
        )
      ).code,
    ).toBe(0);
    expect((await tf(['apply', '-input=false', '-no-color', 'dns.tfplan'], cwd, source)).code).toBe(0);

    const outputsAt = async (key: string, data: string) =>
      keys(
        parse(
          (await tf(['output', '-json', '-no-color'], cwd, await inStore('eu-west-1', key)(data))).stdout,
        ),
      );
    expect(await outputsAt('eu-west-2/dns.tfstate', 'kept')).toContain('zone_name');
    expect(await outputsAt('eu-west-1/dns.tfstate', 'renamed')).toEqual([]);
  });

  it('STANDIN_DELAY_MS delays the matching command; the first matching rule wins', async () => {
    const dir = estate('delay');
    const dns = instance(dir, 'global/dns', 'dns', 'eu-west-2');
    await dns.init();
    const quick = await dns.output();
    const slow = await dns.output({
      STANDIN_DELAY_MS: 'plan:dns:3000,output:nomatch:3000,output:d*:600,output:*:3000',
    });
    expect(slow.code).toBe(0);
    expect(slow.stdout).toBe('{}\n');
    // Bounds a sleep sets, not timings of a loaded machine: at least the 600 ms of the rule that matched,
    // and less than the 3000 ms of the later rules that also match.
    expect(slow.ms).toBeGreaterThanOrEqual(600);
    expect(slow.ms).toBeLessThan(3000);
    expect(quick.code).toBe(0);
  });
});
