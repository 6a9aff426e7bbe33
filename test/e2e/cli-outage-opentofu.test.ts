import { afterAll, describe, expect, it, jest } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RunResultFile as RunResult } from '../../src/core/result-file.js';
import type { StrayReport } from '../../src/core/dr/stray-instances.js';
import { editManifest, expectSucceeded, needSucceeded } from '../helpers/estates.js';
import { cliOnStores, exampleEstateOn, StateStores } from '../helpers/state-stores.js';
import { realTerraform } from '../helpers/terraform-binary.js';

jest.setTimeout(600_000);

/**
 * Days of running in the new region while the old one stays down, then its return, with real OpenTofu and
 * per-region S3-compatible stores (the global region's replicated into eu-west-1, lock objects included and
 * their deletes not, as S3 does). The old primary's store hangs throughout (it accepts connections, counts
 * them and never answers): any call into it would show in the count, and would hang.
 */
const terraform = realTerraform();
const withRealBinary = terraform ? describe : describe.skip;

withRealBinary(`the old region stays down, against ${terraform?.name ?? 'no real binary'}`, () => {
  let stores: StateStores | undefined;
  afterAll(() => stores?.close());
  const cli = cliOnStores(terraform, { GITHUB_ACTOR: 'octocat' });
  const read = (estate: string, file: string): unknown =>
    JSON.parse(readFileSync(path.join(estate, file), 'utf8'));

  it('failover promotes the replica; plan and apply then work in eu-west-1, global and account layers too, without touching eu-west-2; back, the stray report lists what is left there', async () => {
    stores = await StateStores.start(['eu-west-2', 'eu-west-1'], { 'eu-west-2': 'eu-west-1' });
    const estate = exampleEstateOn(stores);
    editManifest(estate, 'lock_timeout: 30s', 'lock_timeout: 30s\n  command_timeout: 60s');
    needSucceeded('the steady-state apply', cli(estate, ['apply']));
    await stores.settle();
    // Replication copied the lock objects of the steady apply, not their deletes: stale locks in eu-west-1.
    expect(stores.readObject('eu-west-1', 'prod/iam.tfstate.tflock')).toBeDefined();

    await stores.hang('eu-west-2');
    const failover = cli(estate, [
      'failover',
      '--to',
      'eu-west-1',
      '--write-manifest',
      '--json-out',
      'failover.json',
    ]);
    expect(failover.stderr).not.toContain('failed');
    // The stderr goes with the status, so a failure shows why the failover exited as it did.
    expectSucceeded(failover);
    const promotion = (read(estate, 'failover.json') as RunResult).failover!.promotion!;
    expect(promotion).toMatchObject({ from: 'eu-west-2', to: 'eu-west-1', manifestWritten: true });
    expect(promotion.states.map((state) => [state.id, state.problem])).toEqual([
      ['dev/iam', null],
      ['dns', null],
      ['prod/iam', null],
    ]);
    // Each stale lock released through OpenTofu (force-unlock with its ID), and recorded: who, when, which.
    expect(promotion.locks.map((lock) => lock.instance)).toEqual(['dev/iam', 'dns', 'prod/iam']);
    for (const lock of promotion.locks) {
      expect(lock).toMatchObject({
        clearedBy: 'octocat',
        // Taken in eu-west-2 before the outage: the Lock Info still names the bucket it was taken in.
        path: `tfstate-eu-west-2/${lock.instance}.tfstate`,
      });
      expect(lock.lockId).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(stores.readObject('eu-west-1', 'prod/iam.tfstate.tflock')).toBeUndefined();
    const text = readFileSync(path.join(estate, 'layers.yml'), 'utf8');
    expect(text).toContain('  global_region: eu-west-1\n');
    expect(text).toContain('eu-west-2: { role: secondary, failed: true }');

    // A change to a failover: skip layer (account IAM), planned and applied as any change on main.
    const iam = path.join(estate, 'terraform/account/iam/main.tf');
    writeFileSync(
      iam,
      `${readFileSync(iam, 'utf8')}\nresource "terraform_data" "audit_role" {\n  input = var.account\n}\n`,
    );
    const plan = cli(estate, ['plan', '--json-out', 'plan.json']);
    expect(plan.stderr).not.toContain('failed');
    expect(plan.status).toBe(0);
    const planned = (read(estate, 'plan.json') as RunResult).instances;
    expect(planned.find((instance) => instance.id === 'prod/iam')!.changes).toMatchObject({ add: 1 });
    expect(planned.some((instance) => instance.id.includes('eu-west-2'))).toBe(false);
    expect(plan.stdout).toContain('Left out of this run (4)');
    expect(plan.stdout).toContain('prod/eu-west-2/network: in eu-west-2, which layers.yml marks failed');
    expect(plan.stdout).toContain('prod/eu-west-2/data: in eu-west-2, which layers.yml marks failed');
    const apply = cli(estate, ['apply', '--json-out', 'apply.json']);
    expect(apply.stderr).not.toContain('failed');
    expect(apply.status).toBe(0);
    const applied = read(estate, 'apply.json') as RunResult;
    expect(applied.status).toBe('succeeded');
    expect(applied.failoverGuard?.provenEmpty?.map((entry) => entry.region)).toEqual(['eu-west-2']);
    const iamState = JSON.parse(stores.readObject('eu-west-1', 'prod/iam.tfstate')!) as {
      resources: { name: string }[];
    };
    expect(iamState.resources.map((resource) => resource.name)).toContain('audit_role');
    // Not one connection to the old primary, through the failover, the plan and the apply.
    expect(await stores.connections('eu-west-2')).toBe(0);

    // eu-west-2 is back, with what it held when it went down.
    await stores.restart('eu-west-2');
    const stray = cli(estate, ['stray', '--region', 'eu-west-2', '--json-out', 'stray.json']);
    expect(stray.stderr).toBe('');
    expect(stray.status).toBe(0);
    const report = read(estate, 'stray.json') as StrayReport;
    expect(report.entries.map((entry) => [entry.id, entry.kind])).toEqual([
      ['dev/eu-west-2/dev/app', 'environment-copy'],
      ['prod/eu-west-2/staging/app', 'environment-copy'],
      ['prod/eu-west-2/production/app', 'environment-copy'],
      ['prod/eu-west-2/sandbox/app', 'narrowed-environment'],
    ]);
    expect(report.entries.every((entry) => (entry.resources ?? 0) > 0)).toBe(true);
    expect(stray.stdout).toContain('retire:    strata failback --to eu-west-1 --from eu-west-2');
    expect(stray.stdout).toContain('re-adopt:  strata failback --to eu-west-2');
    expect(stray.stdout).toContain('retiring it destroys the environment');
  });
});
