import { describe, expect, it, jest } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
// What the result file holds: every field, null where it does not apply.
import type { RunResultFile as RunResult } from '../../src/core/result-file.js';
import { instanceVariables } from '../helpers/run-dist.js';
import { needSucceeded, stage } from '../helpers/estates.js';
import {
  cliOnStores,
  exampleEstateOn,
  storesOfFile,
  type StateStores,
  withBackendOf,
} from '../helpers/state-stores.js';
import { realTerraform } from '../helpers/terraform-binary.js';
import {
  EXAMPLE_FAILOVER_TARGETS,
  FAILBACK_DRY_RUN,
  FAILBACK_FROM_PLANS,
  publishRecoveryPoint,
} from '../helpers/example-estate.js';

// A case that builds the stages it starts from (when run alone with -t) takes their time too.
jest.setTimeout(300_000);

/**
 * Disaster recovery on the example estate with real OpenTofu and real per-region state stores: an S3-compatible
 * server per region on 127.0.0.1, the global region's store replicated into eu-west-1. The outage is real: the
 * primary's store is stopped, and what listens on its port during the failover only counts connections (it
 * accepts and never answers), so a single call into the failed region would show, and would hang.
 */
const terraform = realTerraform();
const withRealBinary = terraform ? describe : describe.skip;

withRealBinary(`disaster recovery against ${terraform?.name ?? 'no real binary: run npm run tools'}`, () => {
  /** Every set of stores the file starts, each case's own and each stage's (kept, for their cases to read). */
  const { start: startStores, copyOf } = storesOfFile(['eu-west-2', 'eu-west-1'], {
    'eu-west-2': 'eu-west-1',
  });
  const cli = cliOnStores(terraform);
  const result = (estate: string, file: string) =>
    JSON.parse(readFileSync(path.join(estate, file), 'utf8')) as RunResult;
  const manifestFile = (estate: string) => path.join(estate, 'layers.yml');
  const stateOf = (stores: StateStores, region: string, id: string) => {
    const text = stores.readObject(region, `${id}.tfstate`);
    return text === undefined ? undefined : (JSON.parse(text) as { resources: unknown[] });
  };
  // The story's stages (test/helpers/estates.ts), each built once, on first use, on a copy of the stage
  // before (estate and stores), by the runs the case named after it asserts on; every other case runs on its
  // own copy of one. The stores of a stage are left settled, and nothing runs on them after it is built.
  const steady = stage(async () => {
    const stores = await startStores();
    const estate = exampleEstateOn(stores);
    // A call into a hung region would wait for ever: bound every Terraform command.
    writeFileSync(
      manifestFile(estate),
      readFileSync(manifestFile(estate), 'utf8').replace(
        'lock_timeout: 30s',
        'lock_timeout: 30s\n  command_timeout: 60s',
      ),
    );
    const apply = cli(estate, ['apply', '--json-out', 'steady.json']);
    await stores.settle();
    return { estate, stores, apply };
  });
  const copyOfSteady = async () => {
    const built = await steady();
    needSucceeded('the steady-state apply', built.apply);
    return copyOf(built);
  };
  /** Failed over to eu-west-1 while eu-west-2's store hangs (it only counts connections), the manifest rewritten. */
  const failedOver = stage(async () => {
    const { estate, stores } = await copyOfSteady();
    await stores.hang('eu-west-2');
    const failover = cli(estate, [
      'failover',
      '--to',
      'eu-west-1',
      '--json-out',
      'failover.json',
      '--write-manifest',
    ]);
    await stores.settle();
    return { estate, stores, failover };
  });
  /**
   * Then eu-west-2's store back with its data (a copy of the stores starts every region up), a normal apply
   * on the manifest of before the failover (refused), and one on the swapped manifest.
   */
  const appliedAfterFailover = stage(async () => {
    const before = await failedOver();
    needSucceeded('the failover', before.failover);
    const { estate, stores } = await copyOf(before);
    const swapped = readFileSync(manifestFile(estate), 'utf8');
    writeFileSync(
      manifestFile(estate),
      withBackendOf(readFileSync(manifestFile((await steady()).estate), 'utf8'), stores),
    );
    const refused = cli(estate, ['apply']);
    writeFileSync(manifestFile(estate), swapped);
    const after = cli(estate, ['apply', '--json-out', 'after.json']);
    await stores.settle();
    return { estate, stores, refused, after };
  });

  it('steady state (backup_restore): state in each region own store, the secondary holds only region layers', async () => {
    const { estate, stores, apply } = await steady();
    expect(apply.stderr).not.toContain('failed');
    expect(apply.status).toBe(0);
    const ids = result(estate, 'steady.json').instances.map((instance) => instance.id);
    expect(ids.filter((id) => id.includes('eu-west-1')).sort()).toEqual([
      'dev/eu-west-1/data',
      'dev/eu-west-1/network',
      'prod/eu-west-1/data',
      'prod/eu-west-1/network',
    ]);
    expect(stateOf(stores, 'eu-west-1', 'prod/eu-west-1/network')!.resources).not.toEqual([]);
    expect(stateOf(stores, 'eu-west-2', 'prod/eu-west-2/staging/app')!.resources).not.toEqual([]);
    // The global region's store is replicated (the stage waited for it to settle): global and account state
    // can be read in eu-west-1.
    expect(stores.readObject('eu-west-1', 'dns.tfstate')).toBe(stores.readObject('eu-west-2', 'dns.tfstate'));
    expect(stores.readObject('eu-west-1', 'prod/iam.tfstate')).toBeDefined();
  });

  it('drill: plans the failover against live state, applies nothing, reports readiness', async () => {
    const { estate, stores } = await copyOfSteady();
    const drill = cli(estate, ['failover', '--to', 'eu-west-1', '--dry-run', '--json-out', 'drill.json']);
    expect(drill.status).toBe(0);
    const readiness = result(estate, 'drill.json').failover!.readiness;
    expect(readiness.map((entry) => entry.id).sort()).toEqual(EXAMPLE_FAILOVER_TARGETS);
    expect(readiness.every((entry) => entry.planSucceeded && entry.backendReachable)).toBe(true);
    expect(readiness.find((entry) => entry.id === 'prod/eu-west-1/staging/app')).toMatchObject({
      changes: { add: 2 },
    });
    expect(drill.stdout).toContain('Ready: every instance planned against live state.');
    // Nothing was applied: the DR region has no environment state yet.
    expect(stateOf(stores, 'eu-west-1', 'prod/eu-west-1/staging/app')?.resources ?? []).toEqual([]);
  });

  it('failover with the primary region down: succeeds without a single connection to it', async () => {
    const { estate, stores, failover } = await failedOver();
    expect(failover.stderr).not.toContain('failed');
    expect(failover.status).toBe(0);
    const run = result(estate, 'failover.json');
    expect(run.status).toBe('succeeded');
    expect(run.instances.map((instance) => instance.id).sort()).toEqual(EXAMPLE_FAILOVER_TARGETS);
    expect(await stores.connections('eu-west-2')).toBe(0);
    expect(stateOf(stores, 'eu-west-1', 'prod/eu-west-1/staging/app')!.resources).toHaveLength(2);
    const variables = instanceVariables(estate, 'prod/eu-west-1/staging/app');
    expect(variables).toMatchObject({ role: 'primary', failover: true, failed_region: 'eu-west-2' });
    expect(readFileSync(manifestFile(estate), 'utf8')).toContain('eu-west-1: { role: primary }');
  });

  it('a normal apply refuses while the manifest still names the failed region as primary', async () => {
    const { estate, refused: apply, after } = await appliedAfterFailover();
    expect(apply.status).toBe(2);
    expect(apply.stderr).toContain('A failover from eu-west-2 to eu-west-1 is in effect');
    expect(after.stderr).not.toContain('failed');
    expect(after.status).toBe(0);
    const instances = result(estate, 'after.json').instances;
    // The restored copy keeps the context the failover gave it (failover = true): nothing to change.
    expect(instances.find((i) => i.id === 'prod/eu-west-1/staging/app')!.changes).toEqual({
      add: 0,
      change: 0,
      destroy: 0,
      replace: 0,
    });
  });

  it('failback: brings eu-west-2 back first, retires the copies, and a re-plan finds nothing to change', async () => {
    const before = await appliedAfterFailover();
    needSucceeded('the apply after the failover', before.after);
    const { estate, stores } = await copyOf(before);
    // The snapshots replicated back to eu-west-2 since: the failback checks they are newer than the failover.
    publishRecoveryPoint(estate, '"2099-01-01T00:00:00Z"');
    const dryRun = cli(estate, FAILBACK_DRY_RUN);
    expect(dryRun.status).toBe(0);
    const failback = cli(estate, FAILBACK_FROM_PLANS);
    expect(failback.stderr).not.toContain('failed');
    expect(failback.status).toBe(0);
    const run = result(estate, 'failback.json');
    expect(run.failover).toMatchObject({ mode: 'failback', from: 'eu-west-1', to: 'eu-west-2' });
    expect(run.instances.find((i) => i.id === 'prod/eu-west-1/staging/app')!.changes).toMatchObject({
      destroy: 2,
    });
    expect(stateOf(stores, 'eu-west-1', 'prod/eu-west-1/staging/app')!.resources).toEqual([]);
    expect(readFileSync(manifestFile(estate), 'utf8')).toContain('eu-west-2: { role: primary }');
    const replan = cli(estate, ['plan', '--json-out', 'final.json']);
    expect(replan.status).toBe(0);
    expect(result(estate, 'final.json').hasChanges).toBe(false);
  });
});
