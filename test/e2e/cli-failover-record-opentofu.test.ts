import { afterAll, describe, expect, it, jest } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { RunResultFile as RunResult } from '../../src/core/result-file.js';
import { runCli } from '../helpers/run-dist.js';
import { HELD_FAILBACK_DRY_RUN, HELD_FAILBACK_FROM_PLANS } from '../helpers/example-estate.js';
import { needSucceeded } from '../helpers/estates.js';
import { StateStores, exampleEstateOn } from '../helpers/state-stores.js';
import { realTerraform, terraformEnv } from '../helpers/terraform-binary.js';

jest.setTimeout(600_000);

/**
 * The reviewed failback with real OpenTofu and per-region S3-compatible stores, eu-west-2's replicated into
 * eu-west-1 (lock objects included, their deletes not, as S3 does): the hold its dry run writes into
 * eu-west-2's record leaves a lock object on eu-west-1's record, which the failback clears through OpenTofu.
 */
const terraform = realTerraform();
const withRealBinary = terraform ? describe : describe.skip;

withRealBinary(
  `the failover record under replication, against ${terraform?.name ?? 'no real binary'}`,
  () => {
    let stores: StateStores | undefined;
    afterAll(() => stores?.close());
    const cli = (estate: string, args: string[]) =>
      runCli([...args, '--manifest', 'layers.yml'], {
        cwd: estate,
        env: { ...terraformEnv(terraform!), ...StateStores.credentials(), GITHUB_ACTOR: 'octocat' },
      });
    const RECORD_LOCK = 'strata/failover-record.tfstate.tflock';

    it('the reviewed failback clears the lock its hold replicated onto eu-west-1 and completes', async () => {
      stores = await StateStores.start(['eu-west-2', 'eu-west-1'], { 'eu-west-2': 'eu-west-1' });
      const estate = exampleEstateOn(stores);
      needSucceeded('the steady-state apply', cli(estate, ['apply']));
      needSucceeded('the failover', cli(estate, ['failover', '--to', 'eu-west-1', '--write-manifest']));
      needSucceeded('the held dry run', cli(estate, HELD_FAILBACK_DRY_RUN));
      await stores.settle();
      const stale = JSON.parse(stores.readObject('eu-west-1', RECORD_LOCK) ?? 'null') as {
        ID: string;
        Path: string;
      } | null;
      expect(stale?.Path).toBe('tfstate-eu-west-2/strata/failover-record.tfstate');

      const failback = cli(estate, HELD_FAILBACK_FROM_PLANS);
      expect(failback.stderr).not.toMatch(/\n\s+at /);
      expect({ status: failback.status, stderr: failback.stderr }).toMatchObject({ status: 0 });
      const run = JSON.parse(readFileSync(path.join(estate, 'failback.json'), 'utf8')) as RunResult;
      expect(run.failover!.recordLocks).toContainEqual(
        expect.objectContaining({
          region: 'eu-west-1',
          replicatedFrom: 'eu-west-2',
          lockId: stale!.ID,
          path: 'tfstate-eu-west-2/strata/failover-record.tfstate',
          clearedBy: 'octocat',
        }),
      );
    });
  },
);
