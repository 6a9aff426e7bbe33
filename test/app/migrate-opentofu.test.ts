import { beforeEach, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCliInProcess } from '../helpers/in-process-cli.js';
import { scratchDir, startProcess } from '../helpers/scratch.js';
import { mustRunBinary, realTerraform, terraformEnv } from '../helpers/terraform-binary.js';

/**
 * `strata migrate` against real OpenTofu, in-process through the CLI's dispatch: a legacy estate of two
 * roots with local state (an account root with a module and a resource to rename, a single-region
 * environment root with a resource that stays) moved into a manifest of three layers, one layer at a time.
 */
const terraform = realTerraform();
const withRealBinary = terraform ? describe : describe.skip;

const BACKEND = 'terraform {\n  backend "local" {}\n}\n';
const data = (name: string, input: string) =>
  `resource "terraform_data" "${name}" {\n  input = "${input}"\n}\n`;

const FILES: Record<string, string> = {
  'legacy/account/main.tf': `${BACKEND}${data('role', 'ci-role')}${data('old_name', 'audit')}module "policy" {\n  source = "./policy"\n}\n`,
  'legacy/account/policy/main.tf': data('document', 'policy-v1'),
  'legacy/staging/main.tf': `${BACKEND}${data('vpc', '10.0.0.0/16')}${data('web', 'web-2')}${data('legacy_logs', 'logs')}`,
  'layers/iam/main.tf': `${BACKEND}${data('role', 'ci-role')}${data('renamed', 'audit')}module "policy" {\n  source = "../../modules/policy"\n}\n`,
  'modules/policy/main.tf': data('document', 'policy-v1'),
  'layers/network/main.tf': `${BACKEND}${data('vpc', '10.0.0.0/16')}output "vpc_id" {\n  value = terraform_data.vpc.id\n}\n`,
  'layers/app/main.tf': `${BACKEND}variable "network" {\n  type = any\n}\n${data('web', 'web-2')}output "vpc" {\n  value = var.network.vpc_id\n}\n`,
  'layers.yml': `version: 1
terraform: { binary: tofu, lock_timeout: 5s }
backend:
  type: local
  config: { path: '../../state/{id}.tfstate' }
  global_region: eu-west-2
regions: { eu-west-2: { role: primary } }
accounts:
  prod: { id: '222222222222', regions: [eu-west-2], environments: [staging] }
layers:
  - { name: iam, scope: account, path: layers/iam }
  - { name: network, scope: region, path: layers/network }
  - { name: app, scope: environment, path: layers/app, depends_on: [network] }
`,
  'migrate.yml': `version: 1
roots:
  account:
    path: legacy/account
    backend: { path: ../../legacy-state/account.tfstate }
    account: prod
  staging:
    path: legacy/staging
    backend: { path: ../../legacy-state/staging.tfstate }
    account: prod
    region: eu-west-2
    environment: staging
rules:
  - { root: account, from: terraform_data.old_name, to: terraform_data.renamed, layer: iam }
  - { from: terraform_data.legacy_logs, stay: true }
`,
};

interface StateFile {
  serial: number;
  lineage: string;
  outputs: Record<string, { value: unknown }>;
  resources: {
    module?: string;
    mode: string;
    type: string;
    name: string;
    instances: { attributes: { id: string } }[];
  }[];
}

withRealBinary(`strata migrate against ${terraform?.name ?? 'no real binary'}`, () => {
  let estate: string;
  const env = () => ({ ...process.env, ...terraformEnv(terraform!) });

  const tofu = (cwd: string, args: string[]) =>
    mustRunBinary(terraform!.path, args, { cwd: path.join(estate, cwd), env: env() });
  const strata = (args: string[]) => runCliInProcess(args, { cwd: estate, env: env() });

  const state = (file: string) => JSON.parse(readFileSync(path.join(estate, file), 'utf8')) as StateFile;
  const addresses = (file: string) =>
    state(file)
      .resources.filter((resource) => resource.mode === 'managed')
      .map((resource) => `${resource.module ? `${resource.module}.` : ''}${resource.type}.${resource.name}`)
      .sort();
  const ids = (file: string) =>
    Object.fromEntries(
      state(file).resources.map((resource) => [
        `${resource.module ?? ''}${resource.name}`,
        resource.instances[0]?.attributes.id,
      ]),
    );

  beforeEach(async () => {
    estate = scratchDir('strata-migrate-');
    for (const [file, text] of Object.entries(FILES)) {
      mkdirSync(path.dirname(path.join(estate, file)), { recursive: true });
      writeFileSync(path.join(estate, file), text);
    }
    for (const root of ['account', 'staging']) {
      await tofu(`legacy/${root}`, [
        'init',
        '-input=false',
        `-backend-config=path=../../legacy-state/${root}.tfstate`,
      ]);
      await tofu(`legacy/${root}`, ['apply', '-input=false', '-auto-approve']);
    }
  });

  it('plans the mapping, moves one layer at a time with zero-change plans, and keeps every id', async () => {
    const accountIds = ids('legacy-state/account.tfstate');
    const stagingIds = ids('legacy-state/staging.tfstate');

    const plan = await strata(['migrate', 'plan']);
    expect(plan.status).toBe(0);
    // The engine's log groups are not repeated: the preview shows what a review needs.
    expect(plan.out).not.toContain(':::');
    expect(plan.out).toContain(
      [
        'prod/iam receives 3 resources:',
        '  terraform_data.renamed  ← account terraform_data.old_name',
        '  terraform_data.role  ← account',
        '  module.policy.terraform_data.document  ← account',
        '  after the move it plans: no changes',
        'prod/eu-west-2/network receives 1 resource:',
        '  terraform_data.vpc  ← staging',
        '  after the move it plans: no changes',
        'prod/eu-west-2/staging/app receives 1 resource:',
        '  terraform_data.web  ← staging',
        "  after the move it plans: not planned: waits on upstream prod/eu-west-2/network, which has not been applied yet (its state has no outputs): apply it first, or declare mock_outputs on layer 'network' to plan before then",
        '',
        'Staying in their roots:',
        '  staging terraform_data.legacy_logs  (rules[1])',
      ].join('\n'),
    );
    expect(plan.out).toContain('After the move 2 of 3 instance(s) plan no changes');
    // Read-only: the old states are as they were, and no new state was written.
    expect(state('legacy-state/account.tfstate').serial).toBe(1);
    expect(existsSync(path.join(estate, 'state'))).toBe(false);

    const iam = await strata(['migrate', 'apply', '--layer', 'iam']);
    expect(iam.out).toContain('prod/iam: moved 3 resource(s); its plan shows no changes');
    expect(iam.status).toBe(0);
    expect(addresses('state/prod/iam.tfstate')).toEqual([
      'module.policy.terraform_data.document',
      'terraform_data.renamed',
      'terraform_data.role',
    ]);
    expect(addresses('legacy-state/account.tfstate')).toEqual([]);
    expect(iam.out).toMatch(/root account \(lineage [0-9a-f-]+, serial 1\): .*\.tfstate/);

    // The environment layer first would fail: its upstream network has no outputs yet. One layer at a time.
    const network = await strata(['migrate', 'apply', '--layer', 'network']);
    expect(network.status).toBe(0);
    const app = await strata(['migrate', 'apply', '--layer', 'app']);
    expect(app.status).toBe(0);
    expect(addresses('legacy-state/staging.tfstate')).toEqual(['terraform_data.legacy_logs']);
    expect(state('state/prod/eu-west-2/staging/app.tfstate').outputs.vpc?.value).toBe(stagingIds.vpc);

    // No resource id changed.
    expect(ids('state/prod/iam.tfstate')).toEqual({
      role: accountIds.role,
      renamed: accountIds.old_name,
      'module.policydocument': accountIds['module.policydocument'],
    });
    expect(ids('state/prod/eu-west-2/network.tfstate').vpc).toBe(stagingIds.vpc);

    // Every new instance plans with no changes under a normal run; re-running the migration moves nothing.
    const normal = await strata(['plan']);
    expect(normal.status).toBe(0);
    expect(normal.out).not.toMatch(/to add|to change|to destroy/i);
    const again = await strata(['migrate', 'apply', '--layer', 'iam']);
    expect(again.status).toBe(0);
    expect(again.out).toContain('prod/iam: nothing to move');
  });

  it('a move whose new code would change a resource is undone: both states as they were', async () => {
    writeFileSync(
      path.join(estate, 'layers/iam/main.tf'),
      FILES['layers/iam/main.tf']!.replace('"ci-role"', '"ci-role-v2"'),
    );
    const before = state('legacy-state/account.tfstate');
    // The plan shows what the new code would do after the move, as a plan review would, and writes nothing.
    const plan = await strata(['migrate', 'plan']);
    expect(plan.status).toBe(0);
    expect(plan.out).toContain(
      [
        '  after the move it plans: 0 to add, 1 to change, 0 to replace, 0 to destroy; migrate apply refuses this until it plans no changes:',
        '    update terraform_data.role',
      ].join('\n'),
    );
    expect(plan.out).toMatch(/ {4}\| {7}~ input {2}= "ci-role" -> "ci-role-v2"/);
    expect(plan.out).toContain('    | Plan: 0 to add, 1 to change, 0 to destroy.');
    expect(plan.out).toContain('After the move 1 of 3 instance(s) plan no changes');
    expect(state('legacy-state/account.tfstate')).toEqual(before);
    expect(existsSync(path.join(estate, 'state'))).toBe(false);

    const result = await strata(['migrate', 'apply', '--instance', 'prod/iam']);
    expect(result.status).toBe(1);
    expect(result.out).toContain('prod/iam: FAILED, nothing moved: after the move, prod/iam plans changes');
    expect(result.out).toContain('  update terraform_data.role\n');
    expect(result.out).toContain('restored from the backups: instance prod/iam');
    // The old root kept everything (it was never trimmed); the new one holds nothing.
    expect(state('legacy-state/account.tfstate')).toEqual(before);
    expect(state('state/prod/iam.tfstate').resources).toEqual([]);

    // Fixed, it goes through: the emptied state takes the move (same lineage, next serial).
    writeFileSync(path.join(estate, 'layers/iam/main.tf'), FILES['layers/iam/main.tf']!);
    const fixed = await strata(['migrate', 'apply', '--instance', 'prod/iam']);
    expect(fixed.status).toBe(0);
    expect(addresses('legacy-state/account.tfstate')).toEqual([]);
  });

  it('a move interrupted after writing the new state and before trimming the old is finished by a re-run', async () => {
    const accountBefore = readFileSync(path.join(estate, 'legacy-state/account.tfstate'), 'utf8');
    expect((await strata(['migrate', 'apply', '--layer', 'iam'])).status).toBe(0);
    // As if the run had been killed before the trim: the old root still holds everything it held.
    writeFileSync(path.join(estate, 'legacy-state/account.tfstate'), accountBefore);
    const newState = state('state/prod/iam.tfstate');

    // Normal runs refuse the half-migrated instance, name it and the command that finishes it.
    for (const command of ['plan', 'apply']) {
      const refused = await strata([command, '--instance', 'prod/iam']);
      expect(refused.status).toBe(1);
      expect(refused.err).toContain(
        `strata ${command}: refusing to run: 1 instance is half migrated, and a run now would manage the same resources from two states:\n` +
          '  prod/iam: its state holds terraform_data.renamed and 2 more, which root account of migrate.yml still holds too (a migrate apply stopped before removing them from the old state); finish it with: strata migrate apply --instance prod/iam',
      );
    }
    // Instances the migration has not reached yet, or has finished, still run.
    expect((await strata(['plan', '--instance', 'prod/eu-west-2/network'])).status).toBe(0);
    expect(state('legacy-state/account.tfstate').serial).toBe(1);

    const plan = await strata(['migrate', 'plan']);
    expect(plan.out).toContain('prod/iam receives 3 resources:');
    expect(plan.out).toContain(
      '  HALF MIGRATED: 3 of these are in its state already and still in the old; finish with: strata migrate apply --instance prod/iam\n  after the move it plans: no changes',
    );
    const rerun = await strata(['migrate', 'apply', '--layer', 'iam']);
    expect(rerun.status).toBe(0);
    expect(rerun.out).toContain(
      '  terraform_data.role  ← account (already there: finishing an earlier move)',
    );
    expect(addresses('legacy-state/account.tfstate')).toEqual([]);
    // The new state was not written again: same lineage, same resources.
    expect(state('state/prod/iam.tfstate').lineage).toBe(newState.lineage);
    expect(state('state/prod/iam.tfstate').resources).toEqual(newState.resources);
    expect((await strata(['plan', '--instance', 'prod/iam'])).status).toBe(0);
  });

  it('holds the lock of every state it touches across the move: each write happens under both locks', async () => {
    // A wrapper of the binary that lists, at each state push, the lock files of the local states.
    const wrapper = path.join(estate, 'bin', 'tofu-recording');
    mkdirSync(path.dirname(wrapper), { recursive: true });
    writeFileSync(
      wrapper,
      `#!/bin/sh\nif [ "$1 $2" = "state push" ]; then\n  (cd "${estate}" && find legacy-state state -name '*.lock.info' | sort | tr '\\n' ' '; echo) >> "${estate}/pushes.txt"\nfi\nexec "${terraform!.path}" "$@"\n`,
      { mode: 0o755 },
    );
    const result = await strata(['migrate', 'apply', '--layer', 'iam', '--terraform-binary', wrapper]);
    expect(result.status).toBe(0);
    // Two pushes (the instance's state, then the trimmed root's), each while both locks were held.
    expect(readFileSync(path.join(estate, 'pushes.txt'), 'utf8')).toBe(
      'legacy-state/.account.tfstate.lock.info state/prod/.iam.tfstate.lock.info \n'.repeat(2),
    );
    // Released at the end: a normal run takes them again.
    expect(existsSync(path.join(estate, 'legacy-state/.account.tfstate.lock.info'))).toBe(false);
    expect((await strata(['apply', '--instance', 'prod/iam'])).status).toBe(0);
  });

  it('refuses to start a move while another run holds the lock of a state it touches', async () => {
    // Another run holding the old root's lock (a console of the root, as a long operation would).
    const holder = startProcess(terraform!.path, ['console', '-state=../../legacy-state/account.tfstate'], {
      cwd: path.join(estate, 'legacy/account'),
      env: env(),
    });
    try {
      holder.stdin.write('"held"\n');
      await new Promise<void>((resolve) =>
        holder.stdout.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('held')) resolve();
        }),
      );
      const before = readFileSync(path.join(estate, 'legacy-state/account.tfstate'), 'utf8');
      const result = await strata(['migrate', 'apply', '--layer', 'iam']);
      expect(result.status).toBe(1);
      expect(result.out).toContain(
        'prod/iam: FAILED, nothing moved: another run holds a state this move touches, so nothing was written. The state of root account is locked by',
      );
      expect(readFileSync(path.join(estate, 'legacy-state/account.tfstate'), 'utf8')).toBe(before);
      expect(existsSync(path.join(estate, 'state/prod/iam.tfstate'))).toBe(false);
      // The locks it did take (the instance's, first in order) were released.
      expect(existsSync(path.join(estate, 'state/prod/.iam.tfstate.lock.info'))).toBe(false);
    } finally {
      holder.stdin.end();
      await new Promise((resolve) => holder.on('close', resolve));
    }
    expect((await strata(['migrate', 'apply', '--layer', 'iam'])).status).toBe(0);
  });

  it('refuses, before anything is written, a resource no layer and no rule claims', async () => {
    writeFileSync(
      path.join(estate, 'migrate.yml'),
      FILES['migrate.yml']!.replace(/ {2}- \{ from: terraform_data.legacy_logs.*\n/, ''),
    );
    const result = await strata(['migrate', 'apply', '--layer', 'iam']);
    expect(result.status).toBe(2);
    expect(result.err).toContain(
      "migrate.yml:8:5: staging's terraform_data.legacy_logs: no layer's code declares terraform_data.legacy_logs and no rule covers it",
    );
    expect(result.err).toContain('1 problem in the migration file.');
    expect(state('legacy-state/account.tfstate').serial).toBe(1);
  });
});
