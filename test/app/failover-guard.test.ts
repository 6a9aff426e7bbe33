import { terminalWording } from '../../src/cli/terminal-wording.js';
import { describe, expect, it } from '@jest/globals';
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { executeRun, type RunSettings } from '../../src/app/execute-run.js';
import { releaseDeploys } from '../../src/app/dr/deploy-hold.js';
import { executeFailover, type FailoverSettings } from '../../src/app/dr/failover.js';
import type { FailoverRecord } from '../../src/core/dr/failover-record-format.js';
import { LEGACY_RECORD, recordInstanceOf } from '../../src/core/dr/record-key.js';
import { getErrorMessage, RefusalError, UsageError } from '../../src/core/errors.js';
import { actionWording } from '../../src/action/action-wording.js';
import type { EngineReporter } from '../../src/engine/run-engine.js';
import type { ProcessRequest, ProcessResult, ProcessRunner } from '../../src/engine/process-runner.js';
import { FakeTerraform } from '../helpers/fake-terraform.js';
import { scratchDir } from '../helpers/scratch.js';
import { reportStray } from '../../src/app/dr/stray-report.js';
import { renderStrayReport } from '../../src/core/dr/stray-instances.js';
import { renderFailoverReport } from '../../src/core/render/failover-report.js';
import { renderLeftOut } from '../../src/core/render/left-out-note.js';

/** Whether a Terraform call is about a failover record: a region's own, or the legacy key every region shared. */
const isRecordCall = (id: string | undefined) =>
  id === LEGACY_RECORD.id || /^strata\/[^/]+\/failover-record$/.test(id ?? '');

/**
 * The failover guard of a normal apply, in-process on the example estate (eu-west-2 primary, eu-west-1
 * secondary). The fake Terraform runs the layers; in front of it, each region's failover record
 * (strata/<region>/failover-record, run in .strata-failover/<region>) can be absent, hold a record, or be
 * unreadable; `legacy` holds what a region's store keeps at the legacy key (strata/failover-record).
 */
class RecordStores implements ProcessRunner {
  readonly unreadable = new Set<string>();
  readonly records = new Map<string, FailoverRecord>();
  /** Regions whose own key was written (a record, or one cleared): the legacy key is not read there. */
  readonly written = new Set<string>();
  readonly legacy = new Map<string, FailoverRecord>();
  /** The record keys initialised (`<region>` or `<region> legacy`), in order. */
  readonly inits: string[] = [];
  /** The regions whose own key's outputs were read, and those whose legacy key's were. */
  readonly read: string[] = [];
  readonly legacyRead: string[] = [];

  constructor(readonly terraform: FakeTerraform) {}

  private readonly planned = new Map<string, FailoverRecord | null>();

  private accessDenied(result: ProcessResult, region: string): ProcessResult {
    return { ...result, exitCode: 1, tail: `Error: AccessDenied: reading the state of ${region}\nline two` };
  }

  async run(request: ProcessRequest): Promise<ProcessResult> {
    const result = await this.terraform.run(request);
    const id = request.env.STRATA_INSTANCE_ID;
    if (!isRecordCall(id)) return result;
    const parts = request.cwd.split(path.sep);
    const region = parts[parts.indexOf('.strata-failover') + 1]!;
    const isLegacy = id === LEGACY_RECORD.id;
    if (!isLegacy) expect(id).toBe(recordInstanceOf(region).id);
    switch (request.args[0]) {
      case 'init':
        this.inits.push(isLegacy ? `${region} legacy` : region);
        return this.unreadable.has(region) ? this.accessDenied(result, region) : result;
      case 'plan': {
        // What Strata is about to write: the record in the generated configuration, or none (cleared).
        expect(isLegacy).toBe(false);
        const text = readFileSync(path.join(request.cwd, 'main.tf'), 'utf8');
        const fields: Record<string, string> = {};
        for (const [, name, value] of text.matchAll(/^ {4}(\w+) += "([^"]*)"$/gm)) fields[name!] = value!;
        this.planned.set(
          region,
          text.includes('terraform_data') ? (fields as unknown as FailoverRecord) : null,
        );
        return { ...result, exitCode: 2 };
      }
      case 'apply': {
        const record = this.planned.get(region);
        if (record) this.records.set(region, record);
        else this.records.delete(region);
        this.written.add(region);
        return result;
      }
      case 'output': {
        (isLegacy ? this.legacyRead : this.read).push(region);
        // A data directory initialised by an earlier run skips the init: the read itself must fail.
        if (this.unreadable.has(region)) return this.accessDenied(result, region);
        const record = (isLegacy ? this.legacy : this.records).get(region);
        const marker = !isLegacy && this.written.has(region);
        const outputs = {
          ...(record ? { failover: { sensitive: false, type: 'object', value: record } } : {}),
          ...(marker ? { record_key: { sensitive: false, type: 'string', value: 'per-region' } } : {}),
        };
        return { ...result, stdout: JSON.stringify(outputs) };
      }
      default:
        return result;
    }
  }
}

const quiet: EngineReporter = {
  instanceChanged: () => undefined,
  instanceOutput: () => Promise.resolve(),
  secrets: () => undefined,
};

function estate() {
  const cwd = scratchDir('strata-guard-');
  cpSync('examples/multi-region', cwd, { recursive: true });
  // A url for the example's smoke test, which runs after each app instance.
  const terraform = new FakeTerraform((id) => ({
    id: { value: `${id}-id` },
    url: { value: `https://${id}.example.internal` },
  }));
  const stores = new RecordStores(terraform);
  const settings = (extra: Partial<RunSettings> = {}): RunSettings => ({
    command: 'apply',
    manifestFile: 'layers.yml',
    selection: { filter: {} },
    failFast: false,
    workDirectory: '.strata',
    terraformBinary: 'terraform',
    cwd,
    env: {},
    wording: terminalWording,
    ...extra,
  });
  const adapters = { runner: stores, reporter: quiet, signal: new AbortController().signal };
  const applied = () => terraform.calls.filter((call) => call.command === 'apply').map((call) => call.id);
  return { stores, settings, adapters, applied };
}

const refusalOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof Error)) throw new Error('the run was not refused');
  return error;
};

describe('the failover guard of apply and destroy', () => {
  it('with no record anywhere, applies, reading the primary and the secondary region', async () => {
    const { stores, settings, adapters, applied } = estate();
    const { run } = await executeRun(settings(), adapters);
    expect(run.status).toBe('succeeded');
    expect(run.failoverGuard).toBeUndefined();
    // Each once: the guard hands the primary's record on for the context of what a failover restored.
    expect(stores.read.sort()).toEqual(['eu-west-1', 'eu-west-2']);
    expect(applied().length).toBe(run.instances.length);
  });

  it('initialises each record key once: a later run in the same work directory reads without an init', async () => {
    const { stores, settings, adapters } = estate();
    expect((await executeRun(settings(), adapters)).run.status).toBe('succeeded');
    expect(stores.inits.sort()).toEqual(['eu-west-1', 'eu-west-1 legacy', 'eu-west-2', 'eu-west-2 legacy']);
    stores.inits.length = 0;
    stores.read.length = 0;
    stores.legacyRead.length = 0;
    expect((await executeRun(settings(), adapters)).run.status).toBe('succeeded');
    expect(stores.inits).toEqual([]);
    expect(stores.read.sort()).toEqual(['eu-west-1', 'eu-west-2']);
    expect(stores.legacyRead.sort()).toEqual(['eu-west-1', 'eu-west-2']);
  });

  it('refuses (exit 1, not bad input) when the record of a region that could take over cannot be read', async () => {
    const { stores, settings, adapters, applied } = estate();
    stores.unreadable.add('eu-west-1');
    const error = await refusalOf(executeRun(settings(), adapters));
    if (!(error instanceof RefusalError)) throw new Error(`expected a RefusalError, got ${String(error)}`);
    expect(error).not.toBeInstanceOf(UsageError);
    const message = error.wordedFor(terminalWording);
    expect(message).toContain('Cannot tell whether a failover is in effect');
    expect(message).toContain('the failover record in eu-west-1 cannot be read');
    expect(message).toContain('--ignore-failover-record eu-west-1');
    expect(message).toContain('AccessDenied: reading the state of eu-west-1 line two');
    expect(applied()).toEqual([]);
  });

  it('destroy is guarded as apply is; plan is not guarded, it reads only the primary record for the restored context', async () => {
    const { stores, settings, adapters } = estate();
    stores.unreadable.add('eu-west-1');
    expect(await refusalOf(executeRun(settings({ command: 'destroy' }), adapters))).toBeInstanceOf(
      RefusalError,
    );
    stores.read.length = 0;
    // A new estate: the roots plan, what reads their outputs waits for an apply; the plan ran all the same.
    const { run } = await executeRun(settings({ command: 'plan' }), adapters);
    expect(run.instances.find((instance) => instance.id === 'dns')!.status).toBe('succeeded');
    expect(stores.read).toEqual(['eu-west-2']);
  });

  it('with the override naming that region, applies and records the override in the result', async () => {
    const { stores, settings, adapters, applied } = estate();
    stores.unreadable.add('eu-west-1');
    const { run } = await executeRun(settings({ ignoreFailoverRecord: ['eu-west-1'] }), adapters);
    expect(run.status).toBe('succeeded');
    expect(applied().length).toBe(run.instances.length);
    expect(run.failoverGuard).toEqual({
      ignoredRecords: [
        { region: 'eu-west-1', reason: expect.stringContaining('AccessDenied') as unknown as string },
      ],
    });
  });

  it('an unreadable primary record does not refuse: a record there cannot mean a failover away from it', async () => {
    const { stores, settings, adapters } = estate();
    stores.unreadable.add('eu-west-2');
    const { run } = await executeRun(settings(), adapters);
    expect(run.status).toBe('succeeded');
    expect(run.failoverGuard).toBeUndefined();
  });

  it('reads only records that could govern the selection: account IAM changes with no failover', async () => {
    const { stores, settings, adapters } = estate();
    stores.unreadable.add('eu-west-1');
    const { run } = await executeRun(settings({ selection: { filter: { layers: ['iam'] } } }), adapters);
    expect(run.status).toBe('succeeded');
    expect(stores.read).toEqual(['eu-west-2']);
    // The secondary's own network changes role with a failover to it: that record governs it.
    const refused = await refusalOf(
      executeRun(
        settings({ selection: { filter: { regions: ['eu-west-1'], layers: ['network'] } } }),
        adapters,
      ),
    );
    expect(refused).toBeInstanceOf(RefusalError);
  });

  it('a pending hold refuses, override or not, and says how to release an abandoned one', async () => {
    const { stores, settings, adapters, applied } = estate();
    stores.records.set('eu-west-1', {
      from: 'eu-west-2',
      to: 'eu-west-1',
      at: '2026-12-02T10:00:00Z',
      status: 'pending',
      mode: 'failover',
    });
    for (const ignore of [[], ['eu-west-1']]) {
      const error = await refusalOf(executeRun(settings({ ignoreFailoverRecord: ignore }), adapters));
      if (!(error instanceof UsageError)) throw new Error(`expected a UsageError, got ${String(error)}`);
      const message = error.wordedFor(terminalWording);
      expect(message).toContain(
        'A failover from eu-west-2 to eu-west-1 is pending (held since 2026-12-02T10:00:00Z)',
      );
      expect(message).toContain("'strata failover --to eu-west-1 --release-deploys'");
      // An action's user is told the inputs of the run that releases it, and no flag.
      const forAction = error.wordedFor(actionWording);
      expect(forAction).toContain(
        "release the hold with 'command: failover, to-region: eu-west-1, release-deploys: true'",
      );
      expect(forAction).not.toMatch(/--[a-z]/);
    }
    expect(applied()).toEqual([]);
  });

  it('a failover in effect refuses as before; a record written before holds existed counts as in effect', async () => {
    const { stores, settings, adapters } = estate();
    stores.records.set('eu-west-1', { from: 'eu-west-2', to: 'eu-west-1', at: '2026-12-02T10:00:00Z' });
    const error = await refusalOf(executeRun(settings(), adapters));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toContain('A failover from eu-west-2 to eu-west-1 is in effect');
  });

  it("reads the legacy key only where the region's own key was never written, and honours the region's own record there", async () => {
    const { stores, settings, adapters, applied } = estate();
    // Written by a Strata from before records had keys of their own: the failover in effect, in eu-west-1.
    stores.legacy.set('eu-west-1', { from: 'eu-west-2', to: 'eu-west-1', at: '2026-12-02T10:00:00Z' });
    const error = await refusalOf(executeRun(settings(), adapters));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toContain(
      'A failover from eu-west-2 to eu-west-1 is in effect (recorded 2026-12-02T10:00:00Z)',
    );
    expect(stores.legacyRead.sort()).toEqual(['eu-west-1', 'eu-west-2']);
    expect(applied()).toEqual([]);
  });

  it('ignores, with a note, a legacy record that names another region: a copy replicated from its store', async () => {
    const { stores, settings, adapters, applied } = estate();
    // eu-west-2's hold of a failback, replicated over eu-west-1's legacy key.
    const hold: FailoverRecord = {
      from: 'eu-west-1',
      to: 'eu-west-2',
      at: '2026-12-03T09:00:00Z',
      status: 'pending',
      mode: 'failback',
    };
    stores.legacy.set('eu-west-1', hold);
    const { run } = await executeRun(settings(), adapters);
    expect(run.status).toBe('succeeded');
    expect(run.failoverGuard).toEqual({
      ignoredRecords: [],
      notes: [
        "The failover record at the legacy key (strata/failover-record) in eu-west-1 is a failback from eu-west-1 to eu-west-2 (pending, recorded 2026-12-03T09:00:00Z): a copy replicated from eu-west-2's store, ignored; eu-west-1 holds no record of its own.",
      ],
    });
    expect(applied().length).toBe(run.instances.length);
    // The same hold at eu-west-2's own legacy key is eu-west-2's: deploys wait.
    stores.legacy.set('eu-west-2', hold);
    await expect(executeRun(settings(), adapters)).rejects.toThrow(
      'A failback from eu-west-1 to eu-west-2 is pending',
    );
  });

  it("a region's own key once written, cleared or not, is what counts: its legacy key is not read", async () => {
    const { stores, settings, adapters } = estate();
    stores.legacy.set('eu-west-1', { from: 'eu-west-2', to: 'eu-west-1', at: '2026-12-02T10:00:00Z' });
    stores.written.add('eu-west-1');
    const { run } = await executeRun(settings(), adapters);
    expect(run.status).toBe('succeeded');
    expect(stores.legacyRead).toEqual(['eu-west-2']);
  });

  it('an override naming a region the manifest does not have is bad input', async () => {
    const { settings, adapters } = estate();
    const error = await refusalOf(executeRun(settings({ ignoreFailoverRecord: ['eu-west-3'] }), adapters));
    if (!(error instanceof UsageError)) throw new Error(`expected a UsageError, got ${String(error)}`);
    expect(error.wordedFor(terminalWording)).toContain(
      "--ignore-failover-record: unknown region 'eu-west-3'",
    );
  });
});

describe('the deploy hold of a failover waiting for approval', () => {
  const failoverSettings = (cwd: string, extra: Partial<FailoverSettings> = {}): FailoverSettings => ({
    mode: 'failover',
    to: 'eu-west-1',
    dryRun: true,
    force: false,
    writeManifest: false,
    manifestFile: 'layers.yml',
    workDirectory: '.strata',
    terraformBinary: 'terraform',
    cwd,
    env: {},
    wording: terminalWording,
    ...extra,
  });
  const messageOf = async (promise: Promise<unknown>) =>
    getErrorMessage(await refusalOf(promise), terminalWording);

  it('the reviewed dry run holds deploys in the target region; the applied failover turns the hold into the record in effect', async () => {
    const { stores, settings, adapters } = estate();
    expect((await executeRun(settings(), adapters)).run.status).toBe('succeeded');
    const cwd = settings().cwd;
    const plan = await executeFailover(failoverSettings(cwd, { holdDeploys: true }), adapters);
    expect(plan.status).toBe('succeeded');
    expect(stores.records.get('eu-west-1')).toMatchObject({
      from: 'eu-west-2',
      to: 'eu-west-1',
      status: 'pending',
      mode: 'failover',
    });
    // Nothing is written where the failover comes from.
    expect(stores.records.has('eu-west-2')).toBe(false);
    expect(await messageOf(executeRun(settings(), adapters))).toContain(
      'A failover from eu-west-2 to eu-west-1 is pending',
    );

    const applied = await executeFailover(failoverSettings(cwd, { dryRun: false }), adapters);
    expect(applied.status).toBe('succeeded');
    expect(stores.records.get('eu-west-1')).toMatchObject({ status: 'in-effect', to: 'eu-west-1' });
    expect(await messageOf(executeRun(settings(), adapters))).toContain(
      'A failover from eu-west-2 to eu-west-1 is in effect',
    );
  });

  it('a drill (no hold) writes nothing; a released hold lets deploys run again', async () => {
    const { stores, settings, adapters } = estate();
    const cwd = settings().cwd;
    expect((await executeRun(settings(), adapters)).run.status).toBe('succeeded');
    await executeFailover(failoverSettings(cwd), adapters);
    expect(stores.records.size).toBe(0);

    await executeFailover(failoverSettings(cwd, { holdDeploys: true }), adapters);
    const release = {
      mode: 'failover' as const,
      to: 'eu-west-1',
      manifestFile: 'layers.yml',
      workDirectory: '.strata',
      cwd,
      env: {},
      wording: terminalWording,
    };
    const released = await releaseDeploys({ ...release, terraformBinary: 'terraform' }, adapters);
    expect(released).toMatchObject({ released: { status: 'pending', to: 'eu-west-1' }, clearedLocks: [] });
    expect(stores.records.size).toBe(0);
    expect((await executeRun(settings(), adapters)).run.status).toBe('succeeded');
    expect(await releaseDeploys({ ...release, terraformBinary: 'terraform' }, adapters)).toEqual({
      released: null,
      clearedLocks: [],
    });
  });

  it('release refuses a failover in effect: only a failback undoes it', async () => {
    const { stores, settings, adapters } = estate();
    stores.records.set('eu-west-1', { from: 'eu-west-2', to: 'eu-west-1', at: '2026-12-02T10:00:00Z' });
    const { cwd } = settings();
    const message = await messageOf(
      releaseDeploys(
        {
          mode: 'failover',
          to: 'eu-west-1',
          manifestFile: 'layers.yml',
          workDirectory: '.strata',
          cwd,
          env: {},
          wording: terminalWording,
          terraformBinary: 'terraform',
        },
        adapters,
      ),
    );
    expect(message).toContain('not a pending hold');
    expect(message).toContain('strata failback --to eu-west-2');
    expect(stores.records.has('eu-west-1')).toBe(true);
  });
});

describe('days in the new region, the old one down: promotion, normal runs, the stray report', () => {
  const failover = (cwd: string, extra: Partial<FailoverSettings> = {}): FailoverSettings => ({
    mode: 'failover',
    to: 'eu-west-1',
    dryRun: false,
    force: false,
    writeManifest: true,
    manifestFile: 'layers.yml',
    workDirectory: '.strata',
    terraformBinary: 'terraform',
    cwd,
    env: { GITHUB_ACTOR: 'octocat', USER: 'runner' },
    wording: terminalWording,
    ...extra,
  });
  /** Calls that reached the failed region's state (the example keeps state in state/<region>/). */
  const touchingOldRegion = (terraform: FakeTerraform, since: number) =>
    terraform.calls
      .slice(since)
      .filter((call) => call.args.some((arg) => arg.includes('state/eu-west-2/')))
      .map((call) => `${call.command} ${call.id}`);
  const GLOBAL = ['dev/iam', 'dns', 'prod/iam'];

  it('the failover promotes the replica, clears a stale replicated lock with an audit line, and writes the manifest; then apply runs in eu-west-1 only and says what it left out', async () => {
    const { stores, settings, adapters } = estate();
    const { terraform } = stores;
    expect((await executeRun(settings(), adapters)).run.status).toBe('succeeded');
    terraform.locks.set('dns', {
      id: 'stale-1',
      who: 'runner@ip-10-0-0-1',
      created: '2026-01-01 10:00:00 +0000 UTC',
    });
    stores.unreadable.add('eu-west-2');
    const since = terraform.calls.length;

    const run = await executeFailover(failover(settings().cwd), adapters);
    expect(run.status).toBe('succeeded');
    const promotion = run.failover!.promotion!;
    expect(promotion).toMatchObject({ from: 'eu-west-2', to: 'eu-west-1', manifestWritten: true });
    expect(promotion.states.map((state) => [state.id, state.problem])).toEqual(
      GLOBAL.map((id) => [id, null]),
    );
    expect(promotion.locks).toEqual([
      expect.objectContaining({
        instance: 'dns',
        lockId: 'stale-1',
        heldBy: 'runner@ip-10-0-0-1',
        clearedBy: 'octocat',
      }),
    ]);
    expect(terraform.locks.size).toBe(0);
    // Released through the binary, on the state in eu-west-1.
    const unlock = terraform.calls.find((call) => call.command === 'force-unlock')!;
    expect(unlock.args).toEqual(['force-unlock', '-force', 'stale-1']);
    expect(renderFailoverReport(run, terminalWording.setting)).toContain(
      'Global and account state lives in eu-west-1 from now on',
    );
    expect(renderFailoverReport(run, terminalWording.setting)).toMatch(/\| dns \| stale-1 .*by octocat at /);
    const manifest = readFileSync(path.join(settings().cwd, 'layers.yml'), 'utf8');
    expect(manifest).toContain('  global_region: eu-west-1\n');
    expect(manifest).toContain('eu-west-2: { role: secondary, failed: true }');
    expect(manifest).toContain('eu-west-1: { role: primary }');
    expect(touchingOldRegion(terraform, since)).toEqual([]);

    // A normal apply on the merged roles pull request: global and account layers (failover: skip) included.
    stores.read.length = 0;
    const afterFailover = terraform.calls.length;
    const { run: apply, leftOut } = await executeRun(settings(), adapters);
    expect(apply.status).toBe('succeeded');
    expect(apply.instances.map((instance) => instance.id)).toEqual(expect.arrayContaining(GLOBAL));
    expect(apply.instances.some((instance) => instance.id.includes('eu-west-2'))).toBe(false);
    expect(leftOut.map((entry) => entry.id).sort()).toEqual([
      'dev/eu-west-2/data',
      'dev/eu-west-2/network',
      'prod/eu-west-2/data',
      'prod/eu-west-2/network',
    ]);
    expect(renderLeftOut(leftOut, terminalWording.command)).toContain(
      'prod/eu-west-2/network: in eu-west-2, which layers.yml marks failed',
    );
    // The guard read only eu-west-1's record, whose failover in effect proves eu-west-2 holds none (and handed
    // it on for the context of what the failover restored).
    expect(stores.read).toEqual(['eu-west-1']);
    expect(apply.failoverGuard?.provenEmpty?.map((entry) => entry.region)).toEqual(['eu-west-2']);
    expect(touchingOldRegion(terraform, afterFailover)).toEqual([]);

    // eu-west-2 is back: what still runs there that steady state does not manage.
    stores.unreadable.delete('eu-west-2');
    terraform.stateOf = (id) =>
      JSON.stringify({
        version: 4,
        lineage: `lineage-${id}`,
        serial: 1,
        resources: terraform.applied.has(id)
          ? [{ mode: 'managed', type: 'terraform_data', name: 'x', instances: [{}] }]
          : [],
      });
    const report = await reportStray(
      {
        manifestFile: 'layers.yml',
        region: 'eu-west-2',
        workDirectory: '.strata',
        terraformBinary: 'terraform',
        cwd: settings().cwd,
        env: {},
        wording: terminalWording,
      },
      adapters,
    );
    // In graph order.
    expect(report.entries.map((entry) => [entry.id, entry.kind])).toEqual([
      ['dev/eu-west-2/dev/app', 'environment-copy'],
      ['prod/eu-west-2/staging/app', 'environment-copy'],
      ['prod/eu-west-2/production/app', 'environment-copy'],
      ['prod/eu-west-2/sandbox/app', 'narrowed-environment'],
    ]);
    const sandbox = report.entries.find((entry) => entry.id === 'prod/eu-west-2/sandbox/app')!;
    expect(sandbox).toMatchObject({
      resources: 1,
      retire: 'strata failback --to eu-west-1 --from eu-west-2',
    });
    expect(sandbox.what).toContain('retiring it destroys the environment');
    expect(sandbox.readopt).toContain('strata failback --to eu-west-2');
    expect(renderStrayReport(report)).toContain(
      'Stray in eu-west-2 (not managed while eu-west-1 is primary): 4',
    );

    // Staying in eu-west-1 for good: the retire command destroys exactly those copies and clears the mark.
    const beforeRetire = terraform.calls.length;
    const retired = await executeFailover(
      failover(settings().cwd, { mode: 'failback', to: 'eu-west-1', from: 'eu-west-2' }),
      adapters,
    );
    expect(retired.status).toBe('succeeded');
    const destroyed = terraform.calls
      .slice(beforeRetire)
      .filter((call) => call.command === 'plan' && call.args.includes('-destroy'))
      .map((call) => call.id)
      .sort();
    expect(destroyed).toEqual(report.entries.map((entry) => entry.id).sort());
    const settled = readFileSync(path.join(settings().cwd, 'layers.yml'), 'utf8');
    expect(settled).toContain('eu-west-2: { role: secondary }\n');
    expect(settled).toContain('eu-west-1: { role: primary }');
    // The failover's records cleared; eu-west-1 keeps the failback's, for the context of what it restored.
    expect([...stores.records.keys()]).toEqual(['eu-west-1']);
    expect(stores.records.get('eu-west-1')).toMatchObject({ mode: 'failback', from: 'eu-west-2' });
  });

  it('a lock taken after the failover started is left in place: the run fails, the manifest stays as it was', async () => {
    const { stores, settings, adapters } = estate();
    expect((await executeRun(settings(), adapters)).run.status).toBe('succeeded');
    stores.terraform.locks.set('prod/iam', {
      id: 'live-1',
      who: 'alice@laptop',
      created: '2099-01-01 10:00:00 +0000 UTC',
    });
    stores.unreadable.add('eu-west-2');
    const before = readFileSync(path.join(settings().cwd, 'layers.yml'), 'utf8');
    const run = await executeFailover(failover(settings().cwd), adapters);
    expect(run.status).toBe('failed');
    const promotion = run.failover!.promotion!;
    expect(promotion.manifestWritten).toBe(false);
    expect(promotion.locks).toEqual([expect.objectContaining({ lockId: 'live-1', clearedBy: null })]);
    expect(promotion.states.find((state) => state.id === 'prod/iam')!.problem).toContain(
      'taken after the failover started',
    );
    expect(stores.terraform.calls.some((call) => call.command === 'force-unlock')).toBe(false);
    expect(readFileSync(path.join(settings().cwd, 'layers.yml'), 'utf8')).toBe(before);
    expect(renderFailoverReport(run, terminalWording.setting)).toContain('Not promoted: 1 of 3 states');
  });
});
