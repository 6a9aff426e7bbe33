import { beforeEach, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCliInProcess } from '../helpers/in-process-cli.js';
import { LEGACY_FILES, addressesIn, idsIn, liveLegacyEstate, readState } from '../helpers/legacy-estate.js';
import { startProcess } from '../helpers/scratch.js';
import { realTerraform, terraformEnv } from '../helpers/terraform-binary.js';

/**
 * `strata migrate` against real OpenTofu, in-process through the CLI's dispatch: a legacy estate of two
 * roots with local state (an account root with a module and a resource to rename, a single-region
 * environment root with a resource that stays) moved into a manifest of three layers, one layer at a time.
 */
const terraform = realTerraform();
const withRealBinary = terraform ? describe : describe.skip;

withRealBinary(`strata migrate against ${terraform?.name ?? 'no real binary'}`, () => {
  let estate: string;
  const env = () => ({ ...process.env, ...terraformEnv(terraform!) });

  const strata = (args: string[]) => runCliInProcess(args, { cwd: estate, env: env() });

  const state = (file: string) => readState(estate, file);
  const addresses = (file: string) => addressesIn(estate, file);
  const ids = (file: string) => idsIn(estate, file);

  beforeEach(async () => {
    estate = await liveLegacyEstate(terraform!);
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
      LEGACY_FILES['layers/iam/main.tf']!.replace('"ci-role"', '"ci-role-v2"'),
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
    writeFileSync(path.join(estate, 'layers/iam/main.tf'), LEGACY_FILES['layers/iam/main.tf']!);
    const fixed = await strata(['migrate', 'apply', '--instance', 'prod/iam']);
    expect(fixed.status).toBe(0);
    expect(addresses('legacy-state/account.tfstate')).toEqual([]);
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
      LEGACY_FILES['migrate.yml']!.replace(/ {2}- \{ from: terraform_data.legacy_logs.*\n/, ''),
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
