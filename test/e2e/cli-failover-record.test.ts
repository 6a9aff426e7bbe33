import { describe, expect, it, jest } from '@jest/globals';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RunResultFile as RunResult } from '../../src/core/result-file.js';
import { runCli } from '../helpers/run-dist.js';
import { STAND_IN } from '../helpers/terraform-binary.js';
import { HELD_FAILBACK_DRY_RUN, HELD_FAILBACK_FROM_PLANS } from '../helpers/example-estate.js';
import { copyOfEstate, freshEstate, needSucceeded, stage } from '../helpers/estates.js';

jest.setTimeout(240_000);

interface Call {
  argv: string[];
  instance: string | null;
  backend: { type: string; config: Record<string, string> } | null;
}

/**
 * The failover record under S3-style replication (STANDIN_REPLICATE copies state and lock files, never their
 * deletes) of eu-west-2's store into eu-west-1's: each region keeps its record at a key of its own
 * (strata/<region>/failover-record), so what a write of eu-west-2's record replicates lands beside eu-west-1's
 * record, never over it. A lock that is the record's own is a refusal, never a stack trace.
 */
describe('the failover record: replication, held locks, one read per region (stand-in)', () => {
  const cli = (estate: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
    runCli([...args, '--manifest', 'layers.yml'], {
      cwd: estate,
      env: { STRATA_TERRAFORM: STAND_IN.path, STANDIN_REPLICATE: 'eu-west-2:eu-west-1', ...env },
    });
  const result = (estate: string, file: string) =>
    JSON.parse(readFileSync(path.join(estate, file), 'utf8')) as RunResult;
  /** The record of `region` in the store of `store` (its own, unless a copy replicated there). */
  const recordFile = (region: string, store = region) =>
    `state/${store}/strata/${region}/failover-record.tfstate`;
  /** The record's fields as its state holds them (the `failover` output), or undefined when cleared. */
  const recordIn = (estate: string, region: string, store = region) =>
    (
      JSON.parse(readFileSync(path.join(estate, recordFile(region, store)), 'utf8')) as {
        outputs: Record<string, { value: unknown }>;
      }
    ).outputs.failover?.value as Record<string, string> | undefined;
  // As the record's backend names it (the example's local path, relative to the record's directory).
  const recordPath = (region: string) => `../../../${recordFile(region)}`;
  const lockFile = (estate: string, region: string) =>
    path.join(estate, `state/${region}/strata/${region}/.failover-record.tfstate.lock.info`);
  /** A lock as a run that is still going (or was killed) leaves it: the record's own path. */
  const holdRecordLock = (estate: string, region: string, id: string) => {
    mkdirSync(path.dirname(lockFile(estate, region)), { recursive: true });
    writeFileSync(
      lockFile(estate, region),
      JSON.stringify({
        ID: id,
        Operation: 'OperationTypeApply',
        Info: '',
        Who: 'alice@ops-laptop',
        Version: '1.13.5',
        Created: '2026-05-04T03:00:00.000000000Z',
        Path: recordPath(region),
      }),
    );
  };
  /** Waits for a held lock one second, not the example's 30 s. */
  const shortLockTimeout = (estate: string) => {
    const file = path.join(estate, 'layers.yml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('lock_timeout: 30s', 'lock_timeout: 1s'));
  };
  const recordReads = (log: string) =>
    readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Call)
      .filter((call) => call.instance?.endsWith('failover-record') === true && call.argv[0] === 'output')
      .map((call) => call.backend?.config.path)
      .sort();

  /** Steady state, then the whole estate failed over to eu-west-1 with the roles written. */
  const failedOver = stage(() => {
    const estate = freshEstate('examples/multi-region', 'strata-record-');
    needSucceeded('the steady-state apply', cli(estate, ['apply']));
    needSucceeded('the failover', cli(estate, ['failover', '--to', 'eu-west-1', '--write-manifest']));
    return estate;
  });

  it("a held failback dry run leaves eu-west-1's record the failover in effect: the failback's verify sees when traffic moved", () => {
    const estate = copyOfEstate(failedOver(), 'strata-record-');
    const failover = recordIn(estate, 'eu-west-1');
    expect(failover).toMatchObject({
      from: 'eu-west-2',
      to: 'eu-west-1',
      status: 'in-effect',
      mode: 'failover',
    });

    const dryRun = cli(estate, HELD_FAILBACK_DRY_RUN);
    expect(dryRun.status).toBe(0);
    // The hold in eu-west-2, and its copy replicated into eu-west-1's store at eu-west-2's key ...
    const hold = recordIn(estate, 'eu-west-2');
    expect(hold).toMatchObject({ from: 'eu-west-1', to: 'eu-west-2', status: 'pending', mode: 'failback' });
    expect(recordIn(estate, 'eu-west-2', 'eu-west-1')).toEqual(hold);
    // ... beside eu-west-1's own record, which is still the failover in effect, as it was.
    expect(recordIn(estate, 'eu-west-1')).toEqual(failover);

    const failback = cli(estate, HELD_FAILBACK_FROM_PLANS);
    expect(failback.stderr).not.toMatch(/\n\s+at /);
    expect(failback.status).toBe(0);
    const run = result(estate, 'failback.json');
    expect(run.status).toBe('succeeded');
    // The verify phase compares with the failover's time, not the hold's.
    expect(run.failover!.failback!.verification.movedAt).toBe(failover!.at);
    expect(failover!.at).not.toBe(hold!.at);
    // No lock was replicated onto a record: there was none to clear.
    expect(run.failover!.recordLocks).toBeUndefined();
    // The failback's own record in eu-west-2, in effect: the hold replaced; eu-west-1's cleared.
    expect(recordIn(estate, 'eu-west-2')).toMatchObject({ status: 'in-effect', mode: 'failback' });
    expect(recordIn(estate, 'eu-west-1')).toBeUndefined();
    // The roles back (global and account state stays where the failover promoted it).
    expect(readFileSync(path.join(estate, 'layers.yml'), 'utf8')).toContain(
      '  eu-west-2: { role: primary }\n  eu-west-1: { role: secondary }\n',
    );
  });

  it("a lock that is the record's own fails the failback with who holds it and how to go on, exit 1", () => {
    const estate = copyOfEstate(failedOver(), 'strata-record-');
    shortLockTimeout(estate);
    const lockId = '0c4f6a1e-5d2b-4c3a-9e8f-7a6b5c4d3e2f';
    holdRecordLock(estate, 'eu-west-1', lockId);
    const failback = cli(estate, [
      'failback',
      '--to',
      'eu-west-2',
      '--write-manifest',
      '--ignore-recovery-point',
      '--json-out',
      'failback.json',
    ]);
    expect(failback.stderr).not.toMatch(/\n\s+at /);
    expect(failback.status).toBe(1);
    const run = result(estate, 'failback.json');
    expect(run.status).toBe('failed');
    // The instances were applied; only the record (and so the manifest) was not.
    expect(run.instances.every((instance) => instance.status === 'succeeded')).toBe(true);
    const note = run.failover!.notes.find((line) => line.includes('failover record could not be written'));
    expect(note).toContain(
      `the failover record in eu-west-1 is locked: lock ${lockId} on ${recordPath('eu-west-1')}`,
    );
    expect(note).toContain('held by alice@ops-laptop (OperationTypeApply)');
    expect(note).toContain(`release it with 'terraform force-unlock ${lockId}'`);
    expect(failback.stdout).toContain(note!);
    // Left in place, and the manifest still names eu-west-1.
    expect(existsSync(lockFile(estate, 'eu-west-1'))).toBe(true);
    expect(readFileSync(path.join(estate, 'layers.yml'), 'utf8')).toContain('eu-west-1: { role: primary }');
  });

  it('a held lock on the region a hold goes to refuses the move before it runs: exit 1, the holder named', () => {
    const estate = copyOfEstate(failedOver(), 'strata-record-');
    shortLockTimeout(estate);
    const lockId = '5e6f7a8b-1c2d-4e3f-8a9b-0c1d2e3f4a5b';
    holdRecordLock(estate, 'eu-west-2', lockId);
    const dryRun = cli(estate, ['failback', '--to', 'eu-west-2', '--dry-run', '--hold-deploys']);
    expect(dryRun.status).toBe(1);
    expect(dryRun.stderr).not.toMatch(/\n\s+at /);
    expect(dryRun.stderr).toContain(
      `strata failback: the failover record in eu-west-2 is locked: lock ${lockId} on ${recordPath('eu-west-2')}, held by alice@ops-laptop`,
    );
    // Nothing planned.
    expect(dryRun.stderr).not.toContain('[promote');
  });

  it("reads each region's record once (the legacy key besides only where a region's own was never written)", () => {
    const estate = copyOfEstate(failedOver(), 'strata-record-');
    const applyLog = path.join(estate, 'apply-calls.jsonl');
    needSucceeded('the apply in eu-west-1', cli(estate, ['apply'], { STANDIN_CALL_LOG: applyLog }));
    // The guard reads eu-west-1's record (the primary's); the restored context takes the guard's reading.
    expect(recordReads(applyLog)).toEqual([recordPath('eu-west-1')]);

    const failbackLog = path.join(estate, 'failback-calls.jsonl');
    needSucceeded(
      'the failback',
      cli(
        estate,
        ['failback', '--to', 'eu-west-2', '--hold-deploys', '--write-manifest', '--ignore-recovery-point'],
        {
          STANDIN_CALL_LOG: failbackLog,
        },
      ),
    );
    // eu-west-2's own key was never written (the failover wrote eu-west-1's): its legacy key is read too.
    expect(recordReads(failbackLog)).toEqual(
      [
        recordPath('eu-west-1'),
        recordPath('eu-west-2'),
        '../../../state/eu-west-2/strata/failover-record.tfstate',
      ].sort(),
    );

    // Both written now (eu-west-1's cleared): one read each, the legacy key no more.
    const afterLog = path.join(estate, 'after-calls.jsonl');
    needSucceeded('the apply in eu-west-2', cli(estate, ['apply'], { STANDIN_CALL_LOG: afterLog }));
    expect(recordReads(afterLog)).toEqual([recordPath('eu-west-1'), recordPath('eu-west-2')]);
  });
});
