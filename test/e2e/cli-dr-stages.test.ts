import { describe, expect, it, jest } from '@jest/globals';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RunResultFile as RunResult } from '../../src/core/result-file.js';
import { instanceVariables, runCli } from '../helpers/run-dist.js';
import { STAND_IN } from '../helpers/terraform-binary.js';
import { copyOfEstate, editManifest, freshEstate, needSucceeded, stage } from '../helpers/estates.js';

jest.setTimeout(240_000);

/**
 * DR adopted stage by stage on the example estate: the dev account fails over to eu-west-1 and back while prod
 * keeps deploying normally in eu-west-2. The failover record, the manifest change and the guard cover dev
 * alone (accounts.dev.primary_region), never the estate.
 */
const cli = (estate: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
  runCli([...args, '--manifest', 'layers.yml'], {
    cwd: estate,
    env: { STRATA_TERRAFORM: STAND_IN.path, STANDIN_REPLICATE: 'eu-west-2:eu-west-1', ...env },
  });
/** The failover record in `region`'s own store, as written (its `restored` list parsed). */
const recordIn = (estate: string, region: string) => {
  const state = JSON.parse(
    readFileSync(path.join(estate, `state/${region}/strata/${region}/failover-record.tfstate`), 'utf8'),
  ) as { outputs: { failover?: { value: { restored?: string; status?: string; mode?: string } } } };
  const record = state.outputs.failover?.value;
  return record && { ...record, restored: JSON.parse(record.restored ?? '{}') as object };
};

describe('failover stage by stage: dev fails over and back, prod keeps deploying (stand-in)', () => {
  const result = (estate: string, file: string) =>
    JSON.parse(readFileSync(path.join(estate, file), 'utf8')) as RunResult;
  const manifestText = (estate: string) => readFileSync(path.join(estate, 'layers.yml'), 'utf8');
  const original = readFileSync('examples/multi-region/layers.yml', 'utf8');
  const idsOf = (run: RunResult) => run.instances.map((instance) => instance.id).sort();

  /** Steady state, then dev alone failed over to eu-west-1, its primary_region written. */
  const devFailedOver = stage(() => {
    const estate = freshEstate('examples/multi-region', 'strata-stages-');
    needSucceeded('the steady-state apply', cli(estate, ['apply']));
    const failover = cli(estate, [
      'failover',
      '--to',
      'eu-west-1',
      '--account',
      'dev',
      '--json-out',
      'dev-failover.json',
      '--write-manifest',
    ]);
    return { estate, failover };
  });

  it('the failover of dev moves dev only: its record and manifest change name dev, the region roles stay', () => {
    const { estate, failover } = devFailedOver();
    expect(failover.status).toBe(0);
    const run = result(estate, 'dev-failover.json');
    expect(idsOf(run)).toEqual(['dev/eu-west-1/data', 'dev/eu-west-1/dev/app', 'dev/eu-west-1/network']);
    expect(run.failover).toMatchObject({ from: 'eu-west-2', to: 'eu-west-1', dryRun: false });
    // Global and account state stays in eu-west-2: prod still runs there.
    expect(run.failover!.promotion).toBeUndefined();
    expect(run.failover!.notes).toContainEqual(
      expect.stringContaining('global and account state stays in eu-west-2: this failover was narrowed'),
    );
    const text = manifestText(estate);
    expect(text).toContain('eu-west-2: { role: primary }');
    expect(text).not.toContain('failed: true');
    expect(text).toContain('  global_region: eu-west-2\n');
    expect(text).toContain(
      "    id: '111111111111'\n    regions: [eu-west-2, eu-west-1]\n    environments: [dev]\n    ephemeral: true\n    primary_region: eu-west-1\n",
    );
    // Nothing else changed.
    expect(text.replace('    primary_region: eu-west-1\n', '')).toBe(original);
  });

  it('while dev is failed over, prod applies normally, on the manifest of before the failover and after', () => {
    const { estate: failedOver, failover } = devFailedOver();
    needSucceeded('the failover of dev', failover);
    for (const manifest of ['before', 'after'] as const) {
      const estate = copyOfEstate(failedOver, 'strata-stages-');
      if (manifest === 'before') writeFileSync(path.join(estate, 'layers.yml'), original);
      const apply = cli(estate, ['apply', '--account', 'prod', '--json-out', 'prod.json']);
      expect(apply.stderr).not.toContain('in effect');
      expect(apply.status).toBe(0);
      const run = result(estate, 'prod.json');
      expect(run.status).toBe('succeeded');
      // Prod's normal roles: its environments in eu-west-2 only (backup_restore), as primary.
      expect(idsOf(run).filter((id) => id.endsWith('/app'))).toEqual([
        'prod/eu-west-2/production/app',
        'prod/eu-west-2/sandbox/app',
        'prod/eu-west-2/staging/app',
      ]);
      expect(instanceVariables(estate, 'prod/eu-west-2/production/app')).toMatchObject({ role: 'primary' });
      expect(instanceVariables(estate, 'prod/eu-west-1/network')).toMatchObject({ role: 'secondary' });
    }
  });

  it("dev's own apply is refused until the manifest names eu-west-1 as dev's primary; then it runs there", () => {
    const { estate: failedOver, failover } = devFailedOver();
    needSucceeded('the failover of dev', failover);
    const before = copyOfEstate(failedOver, 'strata-stages-');
    writeFileSync(path.join(before, 'layers.yml'), original);
    const refused = cli(before, ['apply', '--account', 'dev']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('A failover of dev from eu-west-2 to eu-west-1 is in effect');
    expect(refused.stderr).toContain('still names eu-west-2 as the primary of dev/');

    const after = copyOfEstate(failedOver, 'strata-stages-');
    const apply = cli(after, ['apply', '--account', 'dev', '--json-out', 'dev.json']);
    expect(apply.status).toBe(0);
    expect(idsOf(result(after, 'dev.json')).filter((id) => id.endsWith('/app'))).toEqual([
      'dev/eu-west-1/dev/app',
    ]);
    expect(instanceVariables(after, 'dev/eu-west-1/dev/app')).toMatchObject({ role: 'primary' });
  });

  it("another stage's failover into the same region waits for dev's to end: one record per region", () => {
    const { estate: failedOver, failover } = devFailedOver();
    needSucceeded('the failover of dev', failover);
    const estate = copyOfEstate(failedOver, 'strata-stages-');
    const staging = cli(estate, ['failover', '--to', 'eu-west-1', '--environment', 'staging']);
    expect(staging.status).toBe(2);
    expect(staging.stderr).toContain(
      'eu-west-1 holds the record of a failover of dev from eu-west-2 to eu-west-1 (in effect, recorded',
    );
    // Refused before anything ran: nothing of staging was created in eu-west-1.
    expect(existsSync(path.join(estate, 'state/eu-west-1/dev/eu-west-1/dev/app.tfstate'))).toBe(true);
    expect(existsSync(path.join(estate, 'state/eu-west-1/prod/eu-west-1/staging/app.tfstate'))).toBe(false);
  });

  it('dev fails back: the manifest is as before, and the whole estate applies again', () => {
    const { estate: failedOver, failover } = devFailedOver();
    needSucceeded('the failover of dev', failover);
    const estate = copyOfEstate(failedOver, 'strata-stages-');
    const failback = cli(estate, [
      'failback',
      '--to',
      'eu-west-2',
      '--account',
      'dev',
      '--json-out',
      'dev-failback.json',
      '--write-manifest',
      // The example publishes no recovery point; the failback's check of it is tested in cli-failback-opentofu.
      '--ignore-recovery-point',
    ]);
    expect(failback.status).toBe(0);
    const run = result(estate, 'dev-failback.json');
    expect(run.failover).toMatchObject({ mode: 'failback', from: 'eu-west-1', to: 'eu-west-2' });
    expect(idsOf(run).every((id) => id.startsWith('dev/'))).toBe(true);
    expect(manifestText(estate)).toBe(original);
    const apply = cli(estate, ['apply', '--json-out', 'final.json']);
    expect(apply.status).toBe(0);
    expect(idsOf(result(estate, 'final.json')).filter((id) => id.includes('eu-west-1'))).toEqual([
      'dev/eu-west-1/data',
      'dev/eu-west-1/network',
      'prod/eu-west-1/data',
      'prod/eu-west-1/network',
    ]);
  });

  it("then prod fails over and back too: dev's record done holds nothing back, and what dev's failback restored keeps its context", () => {
    const { estate: failedOver, failover } = devFailedOver();
    needSucceeded('the failover of dev', failover);
    const estate = copyOfEstate(failedOver, 'strata-stages-');
    const back = ['--write-manifest', '--ignore-recovery-point'];
    needSucceeded(
      'the failback of dev',
      cli(estate, ['failback', '--to', 'eu-west-2', '--account', 'dev', ...back]),
    );
    // The record dev's failback left in eu-west-2 (and, replicated, in eu-west-1) is done: prod moves freely.
    const prodOver = cli(estate, ['failover', '--to', 'eu-west-1', '--account', 'prod', '--write-manifest']);
    expect(prodOver.stderr).not.toContain('holds the record');
    expect(prodOver.status).toBe(0);
    const prodBack = cli(estate, [
      'failback',
      '--to',
      'eu-west-2',
      '--account',
      'prod',
      '--json-out',
      'prod-failback.json',
      ...back,
    ]);
    expect(prodBack.status).toBe(0);
    expect(result(estate, 'prod-failback.json').failover).toMatchObject({
      mode: 'failback',
      to: 'eu-west-2',
    });
    expect(manifestText(estate)).toBe(original);
    // eu-west-2's record is prod's failback now, and keeps what dev's restored: dev's app keeps its context.
    const record = readFileSync(
      path.join(estate, 'state/eu-west-2/strata/eu-west-2/failover-record.tfstate'),
      'utf8',
    );
    expect(record).toContain('dev/eu-west-2/dev/app');
    expect(record).toContain('prod/eu-west-2/production/app');
    const apply = cli(estate, ['apply', '--json-out', 'final.json']);
    expect(apply.status).toBe(0);
    expect(instanceVariables(estate, 'dev/eu-west-2/dev/app')).toMatchObject({
      failover: true,
      failed_region: 'eu-west-1',
    });
    expect(instanceVariables(estate, 'prod/eu-west-2/production/app')).toMatchObject({ failover: true });

    // A second round of prod replaces prod's own record: what it kept of dev's stays kept.
    needSucceeded(
      'the second failover of prod',
      cli(estate, ['failover', '--to', 'eu-west-1', '--account', 'prod', '--write-manifest']),
    );
    needSucceeded(
      'the second failback of prod',
      cli(estate, ['failback', '--to', 'eu-west-2', '--account', 'prod', ...back]),
    );
    expect(
      readFileSync(path.join(estate, 'state/eu-west-2/strata/eu-west-2/failover-record.tfstate'), 'utf8'),
    ).toContain('dev/eu-west-2/dev/app');
    needSucceeded('the apply after the second round', cli(estate, ['apply']));
    expect(instanceVariables(estate, 'dev/eu-west-2/dev/app')).toMatchObject({
      failover: true,
      failed_region: 'eu-west-1',
    });
  });
});

describe("a deploy hold keeps what the record it replaces kept of another stage's moves (stand-in)", () => {
  it("prod's failback held into eu-west-2 keeps dev's restored instances while pending, once released, and once applied", () => {
    const estate = freshEstate('examples/multi-region', 'strata-stages-hold-');
    const back = ['--write-manifest', '--ignore-recovery-point'];
    // What dev's failback restored into eu-west-2, which its record there keeps for dev's next applies.
    const DEV_RESTORED = ['dev/eu-west-2/data', 'dev/eu-west-2/dev/app', 'dev/eu-west-2/network'];
    needSucceeded('the steady-state apply', cli(estate, ['apply']));
    for (const [what, args] of [
      ['the failover of dev', ['failover', '--to', 'eu-west-1', '--account', 'dev', '--write-manifest']],
      ['the failback of dev', ['failback', '--to', 'eu-west-2', '--account', 'dev', ...back]],
      ['the failover of prod', ['failover', '--to', 'eu-west-1', '--account', 'prod', '--write-manifest']],
    ] as const) {
      needSucceeded(what, cli(estate, [...args]));
    }
    const held = () =>
      needSucceeded(
        "the held dry run of prod's failback",
        cli(estate, [
          'failback',
          '--to',
          'eu-west-2',
          '--account',
          'prod',
          '--dry-run',
          '--hold-deploys',
          ...back,
        ]),
      );
    held();
    const pending = recordIn(estate, 'eu-west-2');
    expect(pending?.status).toBe('pending');
    expect(Object.keys(pending?.restored ?? {}).sort()).toEqual(DEV_RESTORED);

    needSucceeded(
      'the release of the hold',
      cli(estate, ['failback', '--to', 'eu-west-2', '--account', 'prod', '--release-deploys']),
    );
    const released = recordIn(estate, 'eu-west-2');
    expect(released?.mode).toBe('failback');
    expect(Object.keys(released?.restored ?? {}).sort()).toEqual(DEV_RESTORED);
    expect(released?.status).not.toBe('pending');

    held();
    needSucceeded(
      "prod's failback",
      cli(estate, ['failback', '--to', 'eu-west-2', '--account', 'prod', ...back]),
    );
    expect(Object.keys(recordIn(estate, 'eu-west-2')?.restored ?? {})).toContain('dev/eu-west-2/dev/app');
    needSucceeded('the apply after the failback', cli(estate, ['apply']));
    expect(instanceVariables(estate, 'dev/eu-west-2/dev/app')).toMatchObject({
      failover: true,
      failed_region: 'eu-west-1',
    });
  });
});

/**
 * A stage with a primary of its own: staging lives in eu-west-1 while the estate's primary is eu-west-2. Dev's
 * failback into eu-west-2 leaves what it restored in eu-west-2's record; staging's failover into eu-west-2 keeps
 * it there; staging's failback out of eu-west-2 must leave it there too, or dev's next apply loses its context.
 */
describe("a failback out of a region whose record keeps another stage's restored context (stand-in)", () => {
  it("staging fails over into eu-west-2 and back: eu-west-2's record keeps only dev's restored instances, and dev's app keeps its context", () => {
    const estate = freshEstate('examples/multi-region', 'strata-stages-');
    editManifest(estate, '      staging: {}\n', '      staging: { primary_region: eu-west-1 }\n');
    const back = ['--write-manifest', '--ignore-recovery-point'];
    needSucceeded('the steady-state apply', cli(estate, ['apply']));
    needSucceeded(
      'the failover of dev',
      cli(estate, ['failover', '--to', 'eu-west-1', '--account', 'dev', '--write-manifest']),
    );
    needSucceeded(
      'the failback of dev',
      cli(estate, ['failback', '--to', 'eu-west-2', '--account', 'dev', ...back]),
    );
    const devRestored = {
      'dev/eu-west-2/data': null,
      'dev/eu-west-2/dev/app': null,
      'dev/eu-west-2/network': null,
    };
    needSucceeded(
      'the failover of staging',
      cli(estate, ['failover', '--to', 'eu-west-2', '--environment', 'staging', '--write-manifest']),
    );
    expect(recordIn(estate, 'eu-west-2')).toMatchObject({
      mode: 'failover',
      scope: ['prod/staging'],
      restored: { ...devRestored, 'prod/eu-west-2/staging/app': null },
    });

    const stagingBack = cli(estate, ['failback', '--to', 'eu-west-1', '--environment', 'staging', ...back]);
    expect(stagingBack.stderr).not.toContain('holds the record');
    expect(stagingBack.status).toBe(0);
    // Staging's own entry gone, dev's kept: a failback of dev done, from the region dev's context names.
    expect(recordIn(estate, 'eu-west-2')).toEqual({
      mode: 'failback',
      status: 'in-effect',
      from: 'eu-west-1',
      to: 'eu-west-2',
      at: expect.any(String),
      scope: ['dev'],
      restored: devRestored,
    });
    expect(recordIn(estate, 'eu-west-1')).toMatchObject({ mode: 'failback', scope: ['prod/staging'] });

    needSucceeded('the apply after both stages moved', cli(estate, ['apply']));
    expect(instanceVariables(estate, 'dev/eu-west-2/dev/app')).toMatchObject({
      failover: true,
      failed_region: 'eu-west-1',
    });
  });
});
