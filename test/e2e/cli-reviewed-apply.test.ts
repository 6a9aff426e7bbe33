import { beforeEach, describe, expect, it } from '@jest/globals';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RunResultFile as RunResult } from '../../src/core/result-file.js';
import type { ReviewedPlan } from '../../src/core/reviewed-plan.js';
import { runCli } from '../helpers/run-dist.js';
import { scratchDir } from '../helpers/scratch.js';
import { terraformEnv, terraformsUnderTest } from '../helpers/terraform-binary.js';

/**
 * The plan reviewed on a pull request, applied on merge: `strata plan` into a folder (the pull request's plan
 * artifact), then `strata apply --plan-dir` of it, on the stand-in and on real OpenTofu. The network layer is
 * planned once dns and iam are applied; a change to its code after the plan (another commit on main) makes
 * its saved plans stale.
 */
let estate: string;
const resultOf = (file: string) => JSON.parse(readFileSync(path.join(estate, file), 'utf8')) as RunResult;

beforeEach(() => {
  estate = scratchDir('strata-reviewed-apply-');
  cpSync('examples/multi-region', estate, { recursive: true });
  rmSync(path.join(estate, 'state'), { recursive: true, force: true });
  rmSync(path.join(estate, '.strata'), { recursive: true, force: true });
});

describe.each(terraformsUnderTest())('the reviewed plan applied on merge ($name)', (terraform) => {
  const cli = (args: string[]) =>
    runCli([...args, '--manifest', 'layers.yml'], { cwd: estate, env: terraformEnv(terraform) });
  const network = ['--layer', 'network'];

  /** dns and iam applied, the network layer planned into `pr` as a pull request's plan would be. */
  function planned(): string[] {
    expect(cli(['apply', '--layer', 'dns,iam']).status).toBe(0);
    const plan = cli(['plan', ...network, '--work-dir', 'pr', '--json-out', 'plan.json']);
    expect(plan.status).toBe(0);
    const reviewed = JSON.parse(
      readFileSync(path.join(estate, 'pr', 'reviewed-plan.json'), 'utf8'),
    ) as ReviewedPlan;
    const ids = resultOf('plan.json').instances.map((instance) => instance.id);
    expect(reviewed.instances.map((entry) => entry.id)).toEqual(ids);
    expect(reviewed.instances[0]!.changes).toContainEqual({
      address: 'terraform_data.vpc',
      action: 'create',
    });
    return ids;
  }

  /** Another commit changed the network layer after the plan: a resource the reviewed plan does not have. */
  function changeNetworkCode() {
    writeFileSync(
      path.join(estate, 'terraform/region/network/extra.tf'),
      'resource "terraform_data" "flow_logs" {\n  input = var.region\n}\n',
    );
  }

  it('applies the saved plans as reviewed when the inputs are unchanged, planning nothing again', () => {
    const ids = planned();
    const apply = cli(['apply', ...network, '--plan-dir', 'pr', '--json-out', 'apply.json']);
    expect(apply.stderr).not.toContain('failed');
    expect(apply.status).toBe(0);
    const result = resultOf('apply.json');
    expect(result.instances.map((instance) => [instance.id, instance.status])).toEqual(
      ids.map((id) => [id, 'succeeded']),
    );
    expect(result.reviewedPlan).toEqual({ stalePlans: 'refuse', replanned: [] });
    // Applied from the saved plan: no plan log in the apply's own work directory.
    expect(apply.stdout).not.toContain('--- terraform plan');
  });

  it('refuse: a saved plan made from other code than the merge commit has is refused, and nothing applied', () => {
    const ids = planned();
    changeNetworkCode();
    const apply = cli(['apply', ...network, '--plan-dir', 'pr', '--json-out', 'apply.json']);
    expect(apply.status).toBe(1);
    const result = resultOf('apply.json');
    for (const instance of result.instances) {
      expect([instance.id, instance.status]).toEqual([instance.id, 'failed']);
      expect(instance.error).toContain(
        `the saved plan for ${instance.id} is stale: the code of its layer network (or of a local module it uses) changed since it was planned`,
      );
    }
    expect(result.instances).toHaveLength(ids.length);
    // Nothing was applied: a plan now still creates the network.
    expect(cli(['plan', ...network, '--json-out', 'after.json']).status).toBe(0);
    expect(resultOf('after.json').instances.every((instance) => (instance.changes?.add ?? 0) > 0)).toBe(true);
  });

  it('replan: plans the stale ones afresh, applies them, and reports how each differs from the reviewed plan', () => {
    const ids = planned();
    changeNetworkCode();
    const apply = cli([
      'apply',
      ...network,
      '--plan-dir',
      'pr',
      '--stale-plans',
      'replan',
      '--json-out',
      'apply.json',
    ]);
    expect(apply.stderr).not.toContain('failed');
    expect(apply.status).toBe(0);
    const result = resultOf('apply.json');
    expect(result.reviewedPlan?.stalePlans).toBe('replan');
    expect(result.reviewedPlan?.replanned.map((entry) => entry.id).sort()).toEqual([...ids].sort());
    for (const entry of result.reviewedPlan?.replanned ?? []) {
      expect(entry).toMatchObject({
        accepted: true,
        wasReviewed: true,
        differences: [{ address: 'terraform_data.flow_logs', previewed: null, planned: 'create' }],
      });
      expect(entry.why).toContain('the code of its layer network');
    }
    expect(apply.stdout).toContain('--- check against what was reviewed');
    expect(apply.stdout).toContain('terraform_data.flow_logs: create (the reviewed plan showed no change)');
    // Applied with the new resource: nothing left to do.
    expect(cli(['plan', ...network, '--json-out', 'after.json']).status).toBe(0);
    expect(resultOf('after.json').hasChanges).toBe(false);
  });

  it('refuses --stale-plans replan without --plan-dir, and an unknown mode', () => {
    const without = cli(['apply', '--stale-plans', 'replan']);
    expect(without.status).toBe(2);
    expect(without.stderr).toContain('--stale-plans replan goes with --plan-dir');
    const unknown = cli(['apply', '--plan-dir', 'pr', '--stale-plans', 'sometimes']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("--stale-plans must be one of refuse, replan, got 'sometimes'");
  });
});
