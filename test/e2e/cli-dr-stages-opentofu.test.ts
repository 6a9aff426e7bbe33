import { afterAll, describe, expect, it, jest } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { RunResultFile as RunResult } from '../../src/core/result-file.js';
import { expectSucceeded, needSucceeded } from '../helpers/estates.js';
import { cliOnStores, exampleEstateOn, StateStores } from '../helpers/state-stores.js';
import { realTerraform } from '../helpers/terraform-binary.js';

jest.setTimeout(600_000);

/**
 * DR adopted stage by stage, with real OpenTofu and per-region S3-compatible stores (eu-west-2's replicated
 * into eu-west-1): the dev account fails over to eu-west-1 and back while prod keeps deploying in eu-west-2.
 * Both regions stay up: a staged failover is a move of one scope, not an outage. The stand-in version of this
 * story (test/e2e/cli-dr-stages.test.ts) covers the refusals; this one shows the states real OpenTofu leaves.
 */
const terraform = realTerraform();
const withRealBinary = terraform ? describe : describe.skip;

withRealBinary(`failover stage by stage against ${terraform?.name ?? 'no real binary'}`, () => {
  let stores: StateStores | undefined;
  afterAll(() => stores?.close());
  const cli = cliOnStores(terraform);
  const result = (estate: string, file: string) =>
    JSON.parse(readFileSync(path.join(estate, file), 'utf8')) as RunResult;
  const idsOf = (run: RunResult) => run.instances.map((instance) => instance.id).sort();
  const resourcesOf = (region: string, id: string) => {
    const text = stores!.readObject(region, `${id}.tfstate`);
    return text === undefined ? undefined : (JSON.parse(text) as { resources: unknown[] }).resources;
  };

  it('dev fails over to eu-west-1 and back while prod applies in eu-west-2; afterwards the estate plans no changes', async () => {
    stores = await StateStores.start(['eu-west-2', 'eu-west-1'], { 'eu-west-2': 'eu-west-1' });
    const estate = exampleEstateOn(stores);
    const manifest = path.join(estate, 'layers.yml');
    const original = readFileSync(manifest, 'utf8');
    needSucceeded('the steady-state apply', cli(estate, ['apply']));
    await stores.settle();

    const failover = cli(estate, [
      'failover',
      '--to',
      'eu-west-1',
      '--account',
      'dev',
      '--write-manifest',
      '--json-out',
      'dev-failover.json',
    ]);
    expectSucceeded(failover);
    const moved = result(estate, 'dev-failover.json');
    expect(idsOf(moved)).toEqual(['dev/eu-west-1/data', 'dev/eu-west-1/dev/app', 'dev/eu-west-1/network']);
    expect(moved.failover!.promotion).toBeUndefined();
    // Dev's environment now exists in eu-west-1, in eu-west-1's own store.
    expect(resourcesOf('eu-west-1', 'dev/eu-west-1/dev/app')?.length).toBeGreaterThan(0);
    expect(readFileSync(manifest, 'utf8')).toContain('    primary_region: eu-west-1\n');

    // Prod deploys as usual while dev is away: its environments in eu-west-2, as primary, and nothing of dev.
    const prod = cli(estate, ['apply', '--account', 'prod', '--json-out', 'prod.json']);
    expectSucceeded(prod);
    const prodRun = result(estate, 'prod.json');
    expect(prodRun.instances.every((instance) => instance.account === 'prod')).toBe(true);
    expect(idsOf(prodRun).filter((id) => id.endsWith('/app'))).toEqual([
      'prod/eu-west-2/production/app',
      'prod/eu-west-2/sandbox/app',
      'prod/eu-west-2/staging/app',
    ]);

    const failback = cli(estate, [
      'failback',
      '--to',
      'eu-west-2',
      '--account',
      'dev',
      '--write-manifest',
      // The example publishes no recovery point; the check of it is tested in cli-failback-opentofu.
      '--ignore-recovery-point',
      '--json-out',
      'dev-failback.json',
    ]);
    expectSucceeded(failback);
    const back = result(estate, 'dev-failback.json');
    expect(back.failover).toMatchObject({ mode: 'failback', from: 'eu-west-1', to: 'eu-west-2' });
    expect(idsOf(back).every((id) => id.startsWith('dev/'))).toBe(true);
    expect(readFileSync(manifest, 'utf8')).toBe(original);
    // Dev's environment copy in eu-west-1 was retired; eu-west-2's is the one in use again.
    expect(resourcesOf('eu-west-1', 'dev/eu-west-1/dev/app')).toEqual([]);
    expect(resourcesOf('eu-west-2', 'dev/eu-west-2/dev/app')?.length).toBeGreaterThan(0);

    const replan = cli(estate, ['plan', '--json-out', 'final.json']);
    expectSucceeded(replan);
    const final = result(estate, 'final.json');
    expect(final.instances.filter((instance) => instance.status !== 'succeeded')).toEqual([]);
    expect(final.hasChanges).toBe(false);
  });
});
