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
 * The failover record under S3-style replication (STANDIN_REPLICATE copies lock files, never their deletes):
 * every region keeps its record at the same key of its own store, so a write of eu-west-2's record leaves a
 * lock on eu-west-1's that no one holds. The reviewed failback (a held dry run, then its saved plans) meets it
 * when it clears eu-west-1's record; a lock that is the record's own is a refusal, never a stack trace.
 */
describe('the failover record: replicated locks, held locks, one read per region (stand-in)', () => {
  const cli = (estate: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
    runCli([...args, '--manifest', 'layers.yml'], {
      cwd: estate,
      env: { STRATA_TERRAFORM: STAND_IN.path, STANDIN_REPLICATE: 'eu-west-2:eu-west-1', ...env },
    });
  const result = (estate: string, file: string) =>
    JSON.parse(readFileSync(path.join(estate, file), 'utf8')) as RunResult;
  const recordFile = (region: string) => `state/${region}/strata/failover-record.tfstate`;
  // As the record's backend names it (the example's local path, relative to the record's directory).
  const recordPath = (region: string) => `../../../${recordFile(region)}`;
  const lockFile = (estate: string, region: string) =>
    path.join(estate, `state/${region}/strata/.failover-record.tfstate.lock.info`);
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
      .filter((call) => call.instance === 'strata/failover-record' && call.argv[0] === 'output')
      .map((call) => call.backend?.config.path)
      .sort();

  /** Steady state, then the whole estate failed over to eu-west-1 with the roles written. */
  const failedOver = stage(() => {
    const estate = freshEstate('examples/multi-region', 'strata-record-');
    needSucceeded('the steady-state apply', cli(estate, ['apply']));
    needSucceeded('the failover', cli(estate, ['failover', '--to', 'eu-west-1', '--write-manifest']));
    return estate;
  });

  it('the reviewed failback completes: the lock its hold replicated onto eu-west-1 is cleared, with an audit line', () => {
    const estate = copyOfEstate(failedOver(), 'strata-record-');
    const dryRun = cli(estate, HELD_FAILBACK_DRY_RUN);
    expect(dryRun.status).toBe(0);
    // What the hold's write in eu-west-2 left in eu-west-1: a lock naming eu-west-2's record.
    const stale = JSON.parse(readFileSync(lockFile(estate, 'eu-west-1'), 'utf8')) as {
      ID: string;
      Path: string;
    };
    expect(stale.Path).toBe(recordPath('eu-west-2'));

    const failback = cli(estate, HELD_FAILBACK_FROM_PLANS, { GITHUB_ACTOR: 'octo-operator' });
    expect(failback.stderr).not.toMatch(/\n\s+at /);
    expect(failback.status).toBe(0);
    const run = result(estate, 'failback.json');
    expect(run.status).toBe('succeeded');
    const cleared = run.failover!.recordLocks!.find((lock) => lock.lockId === stale.ID);
    expect(cleared).toMatchObject({
      region: 'eu-west-1',
      replicatedFrom: 'eu-west-2',
      path: recordPath('eu-west-2'),
      operation: 'OperationTypeApply',
      clearedBy: 'octo-operator',
    });
    expect(failback.stdout).toContain(
      `Cleared lock ${stale.ID} from the failover record in eu-west-1: a copy replicated from the record in eu-west-2`,
    );
    // The failback's own record in eu-west-2, in effect: the hold replaced.
    expect(readFileSync(path.join(estate, recordFile('eu-west-2')), 'utf8')).toContain(
      '"status": "in-effect"',
    );
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

  it("reads each region's record once: a failback reads the two it moves between, an apply the guard's only", () => {
    const estate = copyOfEstate(failedOver(), 'strata-record-');
    const applyLog = path.join(estate, 'apply-calls.jsonl');
    needSucceeded('the apply in eu-west-1', cli(estate, ['apply'], { STANDIN_CALL_LOG: applyLog }));
    // The guard reads eu-west-1's record (the primary's); the restored context takes the guard's reading.
    expect(recordReads(applyLog)).toEqual([recordPath('eu-west-1')]);

    const failbackLog = path.join(estate, 'failback-calls.jsonl');
    needSucceeded(
      'the failback',
      cli(estate, ['failback', '--to', 'eu-west-2', '--hold-deploys', '--ignore-recovery-point'], {
        STANDIN_CALL_LOG: failbackLog,
      }),
    );
    expect(recordReads(failbackLog)).toEqual([recordPath('eu-west-1'), recordPath('eu-west-2')]);
  });
});
