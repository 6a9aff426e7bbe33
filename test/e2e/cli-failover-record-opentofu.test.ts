import { afterAll, describe, expect, it, jest } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { RunResultFile as RunResult } from '../../src/core/result-file.js';
import { HELD_FAILBACK_DRY_RUN, HELD_FAILBACK_FROM_PLANS } from '../helpers/example-estate.js';
import { expectSucceeded, needSucceeded } from '../helpers/estates.js';
import { cliOnStores, exampleEstateOn, StateStores } from '../helpers/state-stores.js';
import { realTerraform } from '../helpers/terraform-binary.js';

jest.setTimeout(600_000);

/**
 * The reviewed failback with real OpenTofu and per-region S3-compatible stores, eu-west-2's replicated into
 * eu-west-1 (lock objects included, their deletes not, as S3 does): each region keeps its record at a key of
 * its own, so what the hold its dry run writes into eu-west-2's record replicates lands beside eu-west-1's
 * record, never over it, and the failback verifies against the failover's time.
 */
const terraform = realTerraform();
const withRealBinary = terraform ? describe : describe.skip;

/** The record's fields as the state object holds them (the `failover` output), or undefined when cleared. */
const recordOf = (state: string | undefined) =>
  (JSON.parse(state ?? 'null') as { outputs: Record<string, { value: unknown }> } | null)?.outputs.failover
    ?.value as Record<string, string> | undefined;

withRealBinary(
  `the failover record under replication, against ${terraform?.name ?? 'no real binary'}`,
  () => {
    let stores: StateStores | undefined;
    afterAll(() => stores?.close());
    const cli = cliOnStores(terraform, { GITHUB_ACTOR: 'octocat' });
    const recordKey = (region: string) => `strata/${region}/failover-record.tfstate`;

    it("the held dry run's replicated copy lands beside eu-west-1's record, and the failback completes", async () => {
      stores = await StateStores.start(['eu-west-2', 'eu-west-1'], { 'eu-west-2': 'eu-west-1' });
      const estate = exampleEstateOn(stores);
      needSucceeded('the steady-state apply', cli(estate, ['apply']));
      needSucceeded('the failover', cli(estate, ['failover', '--to', 'eu-west-1', '--write-manifest']));
      const failover = recordOf(stores.readObject('eu-west-1', recordKey('eu-west-1')));
      expect(failover).toMatchObject({ from: 'eu-west-2', to: 'eu-west-1', status: 'in-effect' });

      needSucceeded('the held dry run', cli(estate, HELD_FAILBACK_DRY_RUN));
      await stores.settle();
      const hold = recordOf(stores.readObject('eu-west-2', recordKey('eu-west-2')));
      expect(hold).toMatchObject({ to: 'eu-west-2', status: 'pending', mode: 'failback' });
      // Replicated into eu-west-1's store at eu-west-2's key, with the lock object the write left ...
      expect(recordOf(stores.readObject('eu-west-1', recordKey('eu-west-2')))).toEqual(hold);
      const stale = JSON.parse(
        stores.readObject('eu-west-1', `${recordKey('eu-west-2')}.tflock`) ?? 'null',
      ) as { Path: string } | null;
      expect(stale?.Path).toBe(`tfstate-eu-west-2/${recordKey('eu-west-2')}`);
      // ... while eu-west-1's own record is the failover in effect, unchanged and unlocked.
      expect(recordOf(stores.readObject('eu-west-1', recordKey('eu-west-1')))).toEqual(failover);
      expect(stores.readObject('eu-west-1', `${recordKey('eu-west-1')}.tflock`)).toBeUndefined();

      const failback = cli(estate, HELD_FAILBACK_FROM_PLANS);
      expect(failback.stderr).not.toMatch(/\n\s+at /);
      expectSucceeded(failback);
      const run = JSON.parse(readFileSync(path.join(estate, 'failback.json'), 'utf8')) as RunResult;
      expect(run.failover!.failback!.verification.movedAt).toBe(failover!.at);
      expect(run.failover!.recordLocks).toBeUndefined();
      expect(recordOf(stores.readObject('eu-west-1', recordKey('eu-west-1')))).toBeUndefined();
      expect(recordOf(stores.readObject('eu-west-2', recordKey('eu-west-2')))).toMatchObject({
        status: 'in-effect',
        mode: 'failback',
      });
    });
  },
);
