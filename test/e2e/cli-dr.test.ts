import { describe, expect, it, jest } from '@jest/globals';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readResultFile } from '../../src/adapters/result-file-store.js';
// What the result file holds: every field, null where it does not apply.
import type { RunResultFile as RunResult } from '../../src/core/result-file.js';
import { node24 } from '../helpers/node24.js';
import { instanceVariables, runCli } from '../helpers/run-dist.js';
import { startProcess } from '../helpers/scratch.js';
import { STAND_IN } from '../helpers/terraform-binary.js';
import { copyOfEstate, freshEstate, needSucceeded, stage } from '../helpers/estates.js';
import {
  EXAMPLE_FAILOVER_TARGETS,
  FAILBACK_DRY_RUN,
  FAILBACK_FROM_PLANS,
  publishRecoveryPoint,
} from '../helpers/example-estate.js';

// A case that builds the stages it starts from (when run alone with -t) takes their time too.
jest.setTimeout(240_000);

/**
 * Disaster recovery on the example estate, through the CLI: steady state, failover with the primary region
 * down, the guard against a normal apply undoing it, drills, failback, and a change of strategy. The stand-in
 * simulates the outage (STANDIN_DOWN_REGIONS), S3 replication (STANDIN_REPLICATE) and records every call
 * (STANDIN_CALL_LOG), which a real binary cannot: these run on the stand-in; cli-dr-opentofu.test.ts runs the
 * same story against real OpenTofu with real per-region state stores.
 */
interface Call {
  argv: string[];
  instance: string | null;
  backend: { type: string; config: Record<string, string> } | null;
  region: string | null;
}

describe('disaster recovery (strata failover / failback, stand-in)', () => {
  const cli = (estate: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
    runCli([...args, '--manifest', 'layers.yml'], {
      cwd: estate,
      env: { STRATA_TERRAFORM: STAND_IN.path, STANDIN_REPLICATE: 'eu-west-2:eu-west-1', ...env },
    });
  const callLog = (estate: string) => path.join(estate, 'calls.jsonl');
  const result = (estate: string, file: string) =>
    JSON.parse(readFileSync(path.join(estate, file), 'utf8')) as RunResult;
  const calls = (estate: string) =>
    existsSync(callLog(estate))
      ? readFileSync(callLog(estate), 'utf8')
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line) as Call)
      : [];
  const touches = (call: Call, region: string) =>
    call.region === region ||
    Object.values(call.backend?.config ?? {}).some((value) => value.includes(`/${region}/`));
  const manifestText = (estate: string) => readFileSync(path.join(estate, 'layers.yml'), 'utf8');

  // The story's stages (test/helpers/estates.ts), each built once, on first use, from a copy of the one
  // before, by the runs the case named after it asserts on; every other case runs on its own copy of one.
  const steady = stage(() => {
    const estate = freshEstate('examples/multi-region', 'strata-dr-');
    return { estate, apply: cli(estate, ['apply', '--json-out', 'steady.json']) };
  });
  const copyOfSteady = () => {
    const { estate, apply } = steady();
    needSucceeded('the steady-state apply', apply);
    return copyOfEstate(estate, 'strata-dr-');
  };
  /** Failed over to eu-west-1 with eu-west-2 down, every Terraform call logged, the manifest rewritten. */
  const failedOver = stage(() => {
    const estate = copyOfSteady();
    const failover = cli(
      estate,
      ['failover', '--to', 'eu-west-1', '--json-out', 'failover.json', '--write-manifest'],
      { STANDIN_DOWN_REGIONS: 'eu-west-2', STANDIN_CALL_LOG: callLog(estate) },
    );
    return { estate, failover };
  });
  /** Then a normal apply on the manifest of before the failover (refused), and one on the swapped manifest. */
  const appliedAfterFailover = stage(() => {
    const { estate: before, failover } = failedOver();
    needSucceeded('the failover', failover);
    const estate = copyOfEstate(before, 'strata-dr-');
    const swapped = manifestText(estate);
    writeFileSync(path.join(estate, 'layers.yml'), readFileSync('examples/multi-region/layers.yml', 'utf8'));
    const refused = cli(estate, ['apply']);
    writeFileSync(path.join(estate, 'layers.yml'), swapped);
    const after = cli(estate, ['apply', '--json-out', 'after.json']);
    return { estate, refused, after };
  });
  /** Then failed back to eu-west-2: the plans of a dry run reviewed, then applied; then a normal apply. */
  const failedBack = stage(() => {
    const { estate: before, after } = appliedAfterFailover();
    needSucceeded('the apply after the failover', after);
    const estate = copyOfEstate(before, 'strata-dr-');
    // The snapshots replicated back to eu-west-2 since: the failback checks they are newer than the failover.
    publishRecoveryPoint(estate, '"2099-01-01T00:00:00Z"');
    const dryRun = cli(estate, FAILBACK_DRY_RUN);
    const failback = cli(estate, FAILBACK_FROM_PLANS);
    const final = cli(estate, ['apply', '--json-out', 'final.json']);
    return { estate, dryRun, failback, final };
  });

  it('steady state (backup_restore): the secondary region holds only the region layers', () => {
    const { estate, apply } = steady();
    expect(apply.status).toBe(0);
    const ids = result(estate, 'steady.json').instances.map((instance) => instance.id);
    expect(ids.filter((id) => id.includes('eu-west-1')).sort()).toEqual([
      'dev/eu-west-1/data',
      'dev/eu-west-1/network',
      'prod/eu-west-1/data',
      'prod/eu-west-1/network',
    ]);
    expect(ids).toContain('prod/eu-west-2/staging/app');
  });

  it('refuses failovers that make no sense, saying why', () => {
    const estate = copyOfSteady();
    expect(cli(estate, ['failover', '--to', 'eu-west-9']).stderr).toContain(
      "unknown region 'eu-west-9' (did you mean",
    );
    expect(cli(estate, ['failover', '--to', 'eu-west-2']).stderr).toContain(
      '--to eu-west-2 is the region being failed over from',
    );
    const alreadyPrimary = cli(estate, ['failover', '--to', 'eu-west-2', '--from', 'eu-west-1']);
    expect(alreadyPrimary.status).toBe(2);
    expect(alreadyPrimary.stderr).toContain('already names eu-west-2 as the primary region');
    expect(cli(estate, ['failover']).stderr).toContain('--to REGION is required: the region to fail over to');
  });

  it('drill: plans the failover against live state, applies nothing, reports readiness', () => {
    const estate = copyOfSteady();
    const drill = cli(estate, ['failover', '--to', 'eu-west-1', '--dry-run', '--json-out', 'drill.json'], {
      STANDIN_CALL_LOG: callLog(estate),
    });
    expect(drill.status).toBe(0);
    const report = result(estate, 'drill.json');
    expect(report.failover).toMatchObject({
      mode: 'failover',
      from: 'eu-west-2',
      to: 'eu-west-1',
      dryRun: true,
    });
    expect(report.failover!.estimatedRecoverySeconds).toBeGreaterThan(0);
    expect(report.failover!.readiness.map((entry) => entry.id).sort()).toEqual(EXAMPLE_FAILOVER_TARGETS);
    expect(report.failover!.readiness.every((entry) => entry.planSucceeded && entry.backendReachable)).toBe(
      true,
    );
    expect(
      report.failover!.readiness.find((entry) => entry.id === 'prod/eu-west-1/staging/app'),
    ).toMatchObject({
      changes: { add: 2 },
    });
    expect(calls(estate).filter((call) => call.argv[0] === 'apply')).toEqual([]);
    expect(drill.stdout).toContain('Ready: every instance planned against live state.');
    expect(drill.stdout).toContain('Estimated recovery time (critical path)');
  });

  it('drill: a broken target region makes the drill fail, and says where', () => {
    const estate = copyOfSteady();
    const drill = cli(estate, ['failover', '--to', 'eu-west-1', '--dry-run', '--json-out', 'broken.json'], {
      STANDIN_FAIL: 'plan:prod/eu-west-1/staging/app',
    });
    expect(drill.status).toBe(1);
    const staging = result(estate, 'broken.json').failover!.readiness.find(
      (e) => e.id === 'prod/eu-west-1/staging/app',
    )!;
    expect(staging).toMatchObject({ backendReachable: true, planSucceeded: false });
    expect(drill.stdout).toContain('**Not ready**');
  });

  it('failover with the primary region down: succeeds without a single call into it', () => {
    const { estate, failover } = failedOver();
    expect(failover.stderr).not.toContain('failed');
    expect(failover.status).toBe(0);
    const run = result(estate, 'failover.json');
    expect(run.status).toBe('succeeded');
    expect(run.instances.map((instance) => instance.id).sort()).toEqual(EXAMPLE_FAILOVER_TARGETS);
    expect(run.failover!.recoverySeconds).toBeGreaterThan(0);
    expect(run.failover!.notes).toEqual([
      'prod/sandbox runs only in eu-west-2: it has no DR target in eu-west-1 and is not failed over',
    ]);
    // The example's hooks ran: a smoke test after each restored app, then the traffic switch after them all.
    const hooks = run.hooks!;
    expect(hooks.map((hook) => [hook.id, hook.status]).sort()).toEqual([
      ['hook:smoke-test:dev/eu-west-1/dev/app', 'succeeded'],
      ['hook:smoke-test:prod/eu-west-1/production/app', 'succeeded'],
      ['hook:smoke-test:prod/eu-west-1/staging/app', 'succeeded'],
      ['hook:switch-traffic', 'succeeded'],
    ]);
    const switched = hooks.find((hook) => hook.name === 'switch-traffic')!;
    const lastInstance = Math.max(...run.instances.map((instance) => Date.parse(instance.finishedAt!)));
    expect(Date.parse(switched.startedAt!)).toBeGreaterThanOrEqual(lastInstance);
    expect(readFileSync(path.join(estate, 'traffic/active-region'), 'utf8')).toBe('eu-west-1\n');
    expect(readFileSync(path.join(estate, 'smoke-tests/prod.eu-west-1.staging.app.txt'), 'utf8')).toBe(
      'failover https://staging.eu-west-1.example.internal\n',
    );
    expect(failover.stdout).toMatch(/\| hook switch-traffic \| succeeded \| \+[\d.]+s \| \+[\d.]+s \|/);
    expect(failover.stdout).toMatch(/section hooks\n {2}hook switch-traffic :done, \d+, \d+/);
    const log = calls(estate);
    expect(log.length).toBeGreaterThan(20);
    expect(log.filter((call) => touches(call, 'eu-west-2'))).toEqual([]);
    // Global and account state lived in eu-west-2: the failover read it from the eu-west-1 replica,
    // read-only (init, output); then promoted the replica: read it (init, state pull), probed its lock (state
    // rm -dry-run) and released the lock replication had copied from eu-west-2 (force-unlock).
    const dnsReads = log.filter((call) => call.instance === 'dns');
    expect(dnsReads.map((call) => call.argv.slice(0, 2).join(' '))).toEqual([
      'init -input=false',
      'output -json',
      'init -input=false',
      'state pull',
      'state rm',
      'force-unlock -force',
    ]);
    for (const call of dnsReads) expect(call.backend!.config.path).toContain('/state/eu-west-1/dns.tfstate');
    const promotion = run.failover!.promotion!;
    expect(promotion).toMatchObject({ from: 'eu-west-2', to: 'eu-west-1', manifestWritten: true });
    expect(promotion.locks.map((lock) => lock.instance).sort()).toEqual(['dev/iam', 'dns', 'prod/iam']);
    expect(promotion.locks.every((lock) => lock.clearedBy !== null && lock.clearedAt !== null)).toBe(true);
    expect(failover.stdout).toContain('Global and account state lives in eu-west-1 from now on');
    // The recovered app was told it is a failover and restored from the replicated snapshot.
    const variables = instanceVariables(estate, 'prod/eu-west-1/staging/app');
    expect(variables).toMatchObject({ role: 'primary', failover: true, failed_region: 'eu-west-2' });
    expect(failover.stdout).toContain('```mermaid\ngantt');
    expect(failover.stdout).toMatch(/\| prod\/eu-west-1\/staging\/app \| succeeded \| \+\d+\.\ds/);
    // --write-manifest swapped the roles, marked eu-west-2 failed and moved the global region, nothing else.
    expect(manifestText(estate)).toContain('eu-west-1: { role: primary }');
    expect(manifestText(estate)).toContain('eu-west-2: { role: secondary, failed: true }');
    expect(manifestText(estate)).toContain('  global_region: eu-west-1\n');
    expect(manifestText(estate)).toContain('# Backup and restore: in steady state');
  });

  it('a failover killed while its traffic switch runs leaves a result file with each hook as it stood', async () => {
    const estate = copyOfSteady();
    // The traffic switch hangs (its pid kept, so the test ends it): Strata is killed while it runs.
    writeFileSync(
      path.join(estate, 'hooks/switch-traffic.sh'),
      '#!/bin/sh\necho $$ > switch-traffic.pid\nexec sleep 60\n',
    );
    const child = startProcess(
      node24(),
      [
        path.resolve('dist/cli.js'),
        'failover',
        '--to',
        'eu-west-1',
        '--manifest',
        'layers.yml',
        '--json-out',
        'killed.json',
      ],
      {
        cwd: estate,
        env: {
          ...process.env,
          STRATA_TERRAFORM: STAND_IN.path,
          STANDIN_REPLICATE: 'eu-west-2:eu-west-1',
          STANDIN_DOWN_REGIONS: 'eu-west-2',
        },
      },
    );
    const pidFile = path.join(estate, 'switch-traffic.pid');
    try {
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      const deadline = Date.now() + 60_000;
      while (!/hook switch-traffic +running/.test(stderr) || !existsSync(pidFile)) {
        if (Date.now() > deadline) throw new Error(`the traffic switch never started:\n${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      child.kill('SIGKILL');
      await new Promise((resolve) => child.on('close', resolve));
      const killed = await readResultFile(path.join(estate, 'killed.json'), 'killed.json');
      expect(killed.status).toBe('running');
      expect(killed.hooks!.map((hook) => [hook.id, hook.status]).sort()).toEqual([
        ['hook:smoke-test:dev/eu-west-1/dev/app', 'succeeded'],
        ['hook:smoke-test:prod/eu-west-1/production/app', 'succeeded'],
        ['hook:smoke-test:prod/eu-west-1/staging/app', 'succeeded'],
        ['hook:switch-traffic', 'running'],
      ]);
      for (const hook of killed.hooks!.filter((h) => h.status === 'succeeded')) {
        expect(hook.durationMs).toEqual(expect.any(Number));
        expect(hook.logFile).toMatch(/^hooks\/smoke-test@/);
      }
      expect(killed.hooks!.find((hook) => hook.name === 'switch-traffic')!.startedAt).toEqual(
        expect.any(String),
      );
    } finally {
      child.kill('SIGKILL');
      // The hook outlives the Strata that started it (its own process group): end it.
      if (existsSync(pidFile)) {
        try {
          process.kill(Number(readFileSync(pidFile, 'utf8').trim()), 'SIGKILL');
        } catch {
          // Already ended.
        }
      }
    }
  });

  it('a normal apply refuses while the manifest still names the failed region as primary', () => {
    const { estate, refused: apply, after } = appliedAfterFailover();
    expect(apply.status).toBe(2);
    expect(apply.stderr).toContain('A failover from eu-west-2 to eu-west-1 is in effect');
    expect(apply.stderr).toContain('Merge the pull request that makes eu-west-1 primary');
    // With the roles swapped on main (and eu-west-2 reachable again), normal applies work again and keep the
    // recovered environments as they are; eu-west-2 now holds only what a secondary region holds.
    expect(after.status).toBe(0);
    const instances = result(estate, 'after.json').instances;
    // Nothing recovered is destroyed or replaced: at most its failover context is updated in place.
    expect(instances.find((i) => i.id === 'prod/eu-west-1/staging/app')!.changes).toMatchObject({
      add: 0,
      destroy: 0,
    });
    expect(instances.filter((i) => i.id.startsWith('prod/eu-west-2/') && i.id.endsWith('/app'))).toEqual([]);
  });

  it('failback: brings eu-west-2 back first, then retires the copies backup_restore does not keep', () => {
    const { estate, dryRun, failback, final: plan } = failedBack();
    // Reviewed first: the dry run saves every stage's plans (destroy plans for the retired copies) ...
    expect(dryRun.status).toBe(0);
    // Its verify read eu-west-2's state before promote applied anything, so it found no recovery point there
    // yet: it says that binds nothing (the dry run succeeded), and the real failback's verify, after its
    // promote phase, passed.
    expect(dryRun.stdout).toMatch(
      /\| verify \| [^|]+ \| check \| \d+ \| failed \(advisory: read before the promote phase applied; checked again by the real failback after its promote phase\) \|/,
    );
    expect(failback.stdout).toMatch(/\| verify \| [^|]+ \| check \| \d+ \| succeeded \|/);
    expect(failback.stdout).not.toContain('advisory');
    // ... and the failback applies exactly those.
    expect(failback.status).toBe(0);
    const run = result(estate, 'failback.json');
    expect(run.failover).toMatchObject({ mode: 'failback', from: 'eu-west-1', to: 'eu-west-2' });
    const finished = (id: string) =>
      Date.parse(run.instances.find((instance) => instance.id === id)!.finishedAt!);
    const started = (id: string) =>
      Date.parse(run.instances.find((instance) => instance.id === id)!.startedAt!);
    expect(finished('prod/eu-west-2/staging/app')).toBeLessThanOrEqual(started('prod/eu-west-1/staging/app'));
    expect(
      run.instances.find((instance) => instance.id === 'prod/eu-west-1/staging/app')!.changes,
    ).toMatchObject({
      destroy: 2,
    });
    expect(manifestText(estate)).toContain('eu-west-2: { role: primary }');
    const retired = JSON.parse(
      readFileSync(path.join(estate, 'state/eu-west-1/prod/eu-west-1/staging/app.tfstate'), 'utf8'),
    ) as { resources: unknown[] };
    expect(retired.resources).toEqual([]);
    expect(plan.status).toBe(0);
    expect(result(estate, 'final.json').hasChanges).toBe(false);
    // The dry run ran no hook (none is drill_safe) and said so; the failback ran the smoke tests in eu-west-2
    // and switched the traffic back.
    expect(dryRun.stdout).toContain("hook 'switch-traffic-back' (after_failback) not run in a drill");
    expect(
      run
        .hooks!.filter((hook) => hook.status === 'succeeded')
        .map((hook) => hook.id)
        .sort(),
    ).toEqual([
      'hook:smoke-test:dev/eu-west-2/dev/app',
      'hook:smoke-test:prod/eu-west-2/production/app',
      'hook:smoke-test:prod/eu-west-2/sandbox/app',
      'hook:smoke-test:prod/eu-west-2/staging/app',
      'hook:switch-traffic-back',
    ]);
    expect(readFileSync(path.join(estate, 'traffic/active-region'), 'utf8')).toBe('eu-west-2\n');
    // Each phase's hooks show progress lines as a failover's do.
    expect(failback.stderr).toMatch(/^hook smoke-test after prod\/eu-west-2\/staging\/app {2}succeeded {2}/m);
    expect(failback.stderr).toMatch(/^hook switch-traffic-back {2}running$/m);
    expect(failback.stderr).toMatch(/^hook switch-traffic-back {2}succeeded {2}[\d.]+s$/m);
  });

  it('switching an environment to warm_standby runs a standby copy in the secondary region', () => {
    const { estate: failedBackEstate, final } = failedBack();
    needSucceeded('the apply after the failback', final);
    const estate = copyOfEstate(failedBackEstate, 'strata-dr-');
    const text = manifestText(estate).replace(
      '      staging: {}',
      '      staging: { strategy: warm_standby }',
    );
    writeFileSync(path.join(estate, 'layers.yml'), text);
    const apply = cli(estate, ['apply', '--json-out', 'warm.json']);
    expect(apply.status).toBe(0);
    const standby = result(estate, 'warm.json').instances.find(
      (instance) => instance.id === 'prod/eu-west-1/staging/app',
    )!;
    expect(standby.changes).toMatchObject({ add: 2 });
    const variables = instanceVariables(estate, 'prod/eu-west-1/staging/app');
    expect(variables.role).toBe('standby');
    expect(
      result(estate, 'warm.json').instances.some(
        (instance) => instance.id === 'prod/eu-west-1/production/app',
      ),
    ).toBe(false);
  });
});
