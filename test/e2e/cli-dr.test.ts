import { beforeAll, describe, expect, it } from '@jest/globals';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
// What the result file holds: every field, null where it does not apply.
import type { RunResultFile as RunResult } from '../../src/core/result-file.js';
import { runCli } from '../helpers/run-dist.js';
import { STAND_IN } from '../helpers/terraform-binary.js';
import { scratchDir } from '../helpers/scratch.js';
import { EXAMPLE_FAILOVER_TARGETS } from '../helpers/example-estate.js';

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
  let estate: string;
  const callLog = () => path.join(estate, 'calls.jsonl');
  const cli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    runCli([...args, '--manifest', 'layers.yml'], {
      cwd: estate,
      env: { STRATA_TERRAFORM: STAND_IN.path, STANDIN_REPLICATE: 'eu-west-2:eu-west-1', ...env },
    });
  const result = (file: string) => JSON.parse(readFileSync(path.join(estate, file), 'utf8')) as RunResult;
  const calls = () =>
    existsSync(callLog())
      ? readFileSync(callLog(), 'utf8')
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line) as Call)
      : [];
  const touches = (call: Call, region: string) =>
    call.region === region ||
    Object.values(call.backend?.config ?? {}).some((value) => value.includes(`/${region}/`));
  const manifestText = () => readFileSync(path.join(estate, 'layers.yml'), 'utf8');

  beforeAll(() => {
    estate = scratchDir('strata-dr-');
    cpSync('examples/multi-region', estate, { recursive: true });
    rmSync(path.join(estate, 'state'), { recursive: true, force: true });
    rmSync(path.join(estate, '.strata'), { recursive: true, force: true });
  });

  it('steady state (backup_restore): the secondary region holds only the region layers', () => {
    const apply = cli(['apply', '--json-out', 'steady.json']);
    expect(apply.status).toBe(0);
    const ids = result('steady.json').instances.map((instance) => instance.id);
    expect(ids.filter((id) => id.includes('eu-west-1')).sort()).toEqual([
      'dev/eu-west-1/network',
      'prod/eu-west-1/network',
    ]);
    expect(ids).toContain('prod/eu-west-2/staging/app');
  });

  it('refuses failovers that make no sense, saying why', () => {
    expect(cli(['failover', '--to', 'eu-west-9']).stderr).toContain(
      "unknown region 'eu-west-9' (did you mean",
    );
    expect(cli(['failover', '--to', 'eu-west-2']).stderr).toContain(
      '--to eu-west-2 is the region being failed over from',
    );
    const alreadyPrimary = cli(['failover', '--to', 'eu-west-2', '--from', 'eu-west-1']);
    expect(alreadyPrimary.status).toBe(2);
    expect(alreadyPrimary.stderr).toContain('already names eu-west-2 as the primary region');
    expect(cli(['failover']).stderr).toContain('--to REGION is required');
  });

  it('drill: plans the failover against live state, applies nothing, reports readiness', () => {
    const drill = cli(['failover', '--to', 'eu-west-1', '--dry-run', '--json-out', 'drill.json'], {
      STANDIN_CALL_LOG: callLog(),
    });
    expect(drill.status).toBe(0);
    const report = result('drill.json');
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
    expect(calls().filter((call) => call.argv[0] === 'apply')).toEqual([]);
    expect(drill.stdout).toContain('Ready: every instance planned against live state.');
    expect(drill.stdout).toContain('Estimated recovery time (critical path)');
    rmSync(callLog(), { force: true });
  });

  it('drill: a broken target region makes the drill fail, and says where', () => {
    const drill = cli(['failover', '--to', 'eu-west-1', '--dry-run', '--json-out', 'broken.json'], {
      STANDIN_FAIL: 'plan:prod/eu-west-1/staging/app',
    });
    expect(drill.status).toBe(1);
    const staging = result('broken.json').failover!.readiness.find(
      (e) => e.id === 'prod/eu-west-1/staging/app',
    )!;
    expect(staging).toMatchObject({ backendReachable: true, planSucceeded: false });
    expect(drill.stdout).toContain('**Not ready**');
  });

  it('failover with the primary region down: succeeds without a single call into it', () => {
    const failover = cli(
      ['failover', '--to', 'eu-west-1', '--json-out', 'failover.json', '--write-manifest'],
      {
        STANDIN_DOWN_REGIONS: 'eu-west-2',
        STANDIN_CALL_LOG: callLog(),
      },
    );
    expect(failover.stderr).not.toContain('failed');
    expect(failover.status).toBe(0);
    const run = result('failover.json');
    expect(run.status).toBe('succeeded');
    expect(run.instances.map((instance) => instance.id).sort()).toEqual(EXAMPLE_FAILOVER_TARGETS);
    expect(run.failover!.recoverySeconds).toBeGreaterThan(0);
    expect(run.failover!.notes).toEqual([
      'prod/sandbox runs only in eu-west-2: it has no DR target in eu-west-1 and is not failed over',
    ]);
    const log = calls();
    expect(log.length).toBeGreaterThan(20);
    expect(log.filter((call) => touches(call, 'eu-west-2'))).toEqual([]);
    // Global and account state lives in eu-west-2: it was read from the eu-west-1 replica, read-only.
    const dnsReads = log.filter((call) => call.instance === 'dns');
    expect(dnsReads.map((call) => call.argv[0]).sort()).toEqual(['init', 'output']);
    expect(dnsReads[0]!.backend!.config.path).toContain('/state/eu-west-1/dns.tfstate');
    // The recovered app was told it is a failover and restored from the replicated snapshot.
    const variables = JSON.parse(
      readFileSync(
        path.join(estate, '.strata/instances/prod.eu-west-1.staging.app/variables.tfvars.json'),
        'utf8',
      ),
    ) as Record<string, unknown>;
    expect(variables).toMatchObject({ role: 'primary', failover: true, failed_region: 'eu-west-2' });
    expect(failover.stdout).toContain('```mermaid\ngantt');
    expect(failover.stdout).toMatch(/\| prod\/eu-west-1\/staging\/app \| succeeded \| \+\d+\.\ds/);
    // --write-manifest swapped the roles and nothing else.
    expect(manifestText()).toContain('eu-west-1: { role: primary }');
    expect(manifestText()).toContain('eu-west-2: { role: secondary }');
    expect(manifestText()).toContain('# Backup and restore: in steady state');
    rmSync(callLog(), { force: true });
  });

  it('a normal apply refuses while the manifest still names the failed region as primary', () => {
    const swapped = manifestText();
    writeFileSync(path.join(estate, 'layers.yml'), readFileSync('examples/multi-region/layers.yml', 'utf8'));
    const apply = cli(['apply']);
    expect(apply.status).toBe(2);
    expect(apply.stderr).toContain('A failover from eu-west-2 to eu-west-1 is in effect');
    expect(apply.stderr).toContain('Merge the pull request that makes eu-west-1 primary');
    writeFileSync(path.join(estate, 'layers.yml'), swapped);
    // With the roles swapped on main (and eu-west-2 reachable again), normal applies work again and keep the
    // recovered environments as they are; eu-west-2 now holds only what a secondary region holds.
    const after = cli(['apply', '--json-out', 'after.json']);
    expect(after.status).toBe(0);
    const instances = result('after.json').instances;
    // Nothing recovered is destroyed or replaced: at most its failover context is updated in place.
    expect(instances.find((i) => i.id === 'prod/eu-west-1/staging/app')!.changes).toMatchObject({
      add: 0,
      destroy: 0,
    });
    expect(instances.filter((i) => i.id.startsWith('prod/eu-west-2/') && i.id.endsWith('/app'))).toEqual([]);
  });

  it('failback: brings eu-west-2 back first, then retires the copies backup_restore does not keep', () => {
    // Reviewed first: the dry run saves every stage's plans (destroy plans for the retired copies) ...
    const dryRun = cli(['failback', '--to', 'eu-west-2', '--dry-run', '--work-dir', 'failback-plans']);
    expect(dryRun.status).toBe(0);
    // ... and the failback applies exactly those.
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
    expect(failback.status).toBe(0);
    const run = result('failback.json');
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
    expect(manifestText()).toContain('eu-west-2: { role: primary }');
    const retired = JSON.parse(
      readFileSync(path.join(estate, 'state/eu-west-1/prod/eu-west-1/staging/app.tfstate'), 'utf8'),
    ) as { resources: unknown[] };
    expect(retired.resources).toEqual([]);
    const plan = cli(['apply', '--json-out', 'final.json']);
    expect(plan.status).toBe(0);
    expect(result('final.json').hasChanges).toBe(false);
  });

  it('switching an environment to warm_standby runs a standby copy in the secondary region', () => {
    const text = manifestText().replace('      staging: {}', '      staging: { strategy: warm_standby }');
    writeFileSync(path.join(estate, 'layers.yml'), text);
    const apply = cli(['apply', '--json-out', 'warm.json']);
    expect(apply.status).toBe(0);
    const standby = result('warm.json').instances.find(
      (instance) => instance.id === 'prod/eu-west-1/staging/app',
    )!;
    expect(standby.changes).toMatchObject({ add: 2 });
    const variables = JSON.parse(
      readFileSync(
        path.join(estate, '.strata/instances/prod.eu-west-1.staging.app/variables.tfvars.json'),
        'utf8',
      ),
    ) as Record<string, unknown>;
    expect(variables.role).toBe('standby');
    expect(
      result('warm.json').instances.some((instance) => instance.id === 'prod/eu-west-1/production/app'),
    ).toBe(false);
  });
});
