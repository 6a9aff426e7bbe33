import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
// What the result file holds: every field, null where it does not apply.
import type { RunResultFile as RunResult } from '../../src/core/result-file.js';
import { runCli } from '../helpers/run-dist.js';
import { StateStores, exampleEstateOn } from '../helpers/state-stores.js';
import { realTerraform, terraformEnv } from '../helpers/terraform-binary.js';
import { EXAMPLE_FAILOVER_TARGETS } from '../helpers/example-estate.js';

/**
 * Disaster recovery on the example estate with real OpenTofu and real per-region state stores: an S3-compatible
 * server per region on 127.0.0.1, the global region's store replicated into eu-west-1. The outage is real: the
 * primary's store is stopped, and what listens on its port during the failover only counts connections (it
 * accepts and never answers), so a single call into the failed region would show, and would hang.
 */
const terraform = realTerraform();
const withRealBinary = terraform ? describe : describe.skip;

withRealBinary(`disaster recovery against ${terraform?.name ?? 'no real binary: run npm run tools'}`, () => {
  let stores: StateStores;
  let estate: string;
  const cli = (args: string[]) =>
    runCli([...args, '--manifest', 'layers.yml'], {
      cwd: estate,
      env: { ...terraformEnv(terraform!), ...StateStores.credentials() },
    });
  const result = (file: string) => JSON.parse(readFileSync(path.join(estate, file), 'utf8')) as RunResult;
  const manifestFile = () => path.join(estate, 'layers.yml');
  const stateOf = (region: string, id: string) => {
    const text = stores.readObject(region, `${id}.tfstate`);
    return text === undefined ? undefined : (JSON.parse(text) as { resources: unknown[] });
  };
  let steadyManifest: string;

  beforeAll(async () => {
    stores = await StateStores.start(['eu-west-2', 'eu-west-1'], { 'eu-west-2': 'eu-west-1' });
    estate = exampleEstateOn(stores);
    // A call into a hung region would wait for ever: bound every Terraform command.
    writeFileSync(
      manifestFile(),
      readFileSync(manifestFile(), 'utf8').replace(
        'lock_timeout: 30s',
        'lock_timeout: 30s\n  command_timeout: 60s',
      ),
    );
    steadyManifest = readFileSync(manifestFile(), 'utf8');
  });
  afterAll(() => stores.close());

  it('steady state (backup_restore): state in each region own store, the secondary holds only region layers', async () => {
    const apply = cli(['apply', '--json-out', 'steady.json']);
    expect(apply.stderr).not.toContain('failed');
    expect(apply.status).toBe(0);
    const ids = result('steady.json').instances.map((instance) => instance.id);
    expect(ids.filter((id) => id.includes('eu-west-1')).sort()).toEqual([
      'dev/eu-west-1/network',
      'prod/eu-west-1/network',
    ]);
    expect(stateOf('eu-west-1', 'prod/eu-west-1/network')!.resources).not.toEqual([]);
    expect(stateOf('eu-west-2', 'prod/eu-west-2/staging/app')!.resources).not.toEqual([]);
    // The global region's store is replicated: global and account state can be read in eu-west-1.
    await stores.settle();
    expect(stores.readObject('eu-west-1', 'dns.tfstate')).toBe(stores.readObject('eu-west-2', 'dns.tfstate'));
    expect(stores.readObject('eu-west-1', 'prod/iam.tfstate')).toBeDefined();
  });

  it('drill: plans the failover against live state, applies nothing, reports readiness', () => {
    const drill = cli(['failover', '--to', 'eu-west-1', '--dry-run', '--json-out', 'drill.json']);
    expect(drill.status).toBe(0);
    const readiness = result('drill.json').failover!.readiness;
    expect(readiness.map((entry) => entry.id).sort()).toEqual(EXAMPLE_FAILOVER_TARGETS);
    expect(readiness.every((entry) => entry.planSucceeded && entry.backendReachable)).toBe(true);
    expect(readiness.find((entry) => entry.id === 'prod/eu-west-1/staging/app')).toMatchObject({
      changes: { add: 2 },
    });
    expect(drill.stdout).toContain('Ready: every instance planned against live state.');
    // Nothing was applied: the DR region has no environment state yet.
    expect(stateOf('eu-west-1', 'prod/eu-west-1/staging/app')?.resources ?? []).toEqual([]);
  });

  it('failover with the primary region down: succeeds without a single connection to it', async () => {
    await stores.settle();
    await stores.hang('eu-west-2');
    const failover = cli([
      'failover',
      '--to',
      'eu-west-1',
      '--json-out',
      'failover.json',
      '--write-manifest',
    ]);
    expect(failover.stderr).not.toContain('failed');
    expect(failover.status).toBe(0);
    const run = result('failover.json');
    expect(run.status).toBe('succeeded');
    expect(run.instances.map((instance) => instance.id).sort()).toEqual(EXAMPLE_FAILOVER_TARGETS);
    expect(await stores.connections('eu-west-2')).toBe(0);
    expect(stateOf('eu-west-1', 'prod/eu-west-1/staging/app')!.resources).toHaveLength(2);
    const variables = JSON.parse(
      readFileSync(
        path.join(estate, '.strata/instances/prod.eu-west-1.staging.app/variables.tfvars.json'),
        'utf8',
      ),
    ) as Record<string, unknown>;
    expect(variables).toMatchObject({ role: 'primary', failover: true, failed_region: 'eu-west-2' });
    expect(readFileSync(manifestFile(), 'utf8')).toContain('eu-west-1: { role: primary }');
  });

  it('a normal apply refuses while the manifest still names the failed region as primary', async () => {
    await stores.restart('eu-west-2');
    const swapped = readFileSync(manifestFile(), 'utf8');
    writeFileSync(manifestFile(), steadyManifest);
    const apply = cli(['apply']);
    expect(apply.status).toBe(2);
    expect(apply.stderr).toContain('A failover from eu-west-2 to eu-west-1 is in effect');
    writeFileSync(manifestFile(), swapped);
    const after = cli(['apply', '--json-out', 'after.json']);
    expect(after.stderr).not.toContain('failed');
    expect(after.status).toBe(0);
    const instances = result('after.json').instances;
    expect(instances.find((i) => i.id === 'prod/eu-west-1/staging/app')!.changes).toMatchObject({
      add: 0,
      destroy: 0,
    });
  });

  it('failback: brings eu-west-2 back first, retires the copies, and a re-plan finds nothing to change', () => {
    const dryRun = cli(['failback', '--to', 'eu-west-2', '--dry-run', '--work-dir', 'failback-plans']);
    expect(dryRun.status).toBe(0);
    const failback = cli([
      'failback',
      '--to',
      'eu-west-2',
      '--plan-dir',
      'failback-plans',
      '--json-out',
      'failback.json',
      '--write-manifest',
    ]);
    expect(failback.stderr).not.toContain('failed');
    expect(failback.status).toBe(0);
    const run = result('failback.json');
    expect(run.failover).toMatchObject({ mode: 'failback', from: 'eu-west-1', to: 'eu-west-2' });
    expect(run.instances.find((i) => i.id === 'prod/eu-west-1/staging/app')!.changes).toMatchObject({
      destroy: 2,
    });
    expect(stateOf('eu-west-1', 'prod/eu-west-1/staging/app')!.resources).toEqual([]);
    expect(readFileSync(manifestFile(), 'utf8')).toContain('eu-west-2: { role: primary }');
    const replan = cli(['plan', '--json-out', 'final.json']);
    expect(replan.status).toBe(0);
    expect(result('final.json').hasChanges).toBe(false);
  });
});
