import { terminalWording } from '../../src/cli/terminal-wording.js';
import { getErrorMessage } from '../../src/core/errors.js';
import { describe, expect, it } from '@jest/globals';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { executeRun, type RunSettings } from '../../src/app/execute-run.js';
import { executeFailover, type FailoverSettings } from '../../src/app/dr/failover.js';
import { mergeReport } from '../../src/app/merge-report.js';
import { writeReportFiles } from '../../src/app/result-files.js';
import { showGraph } from '../../src/app/show-graph.js';
import type { FailoverPreview } from '../../src/core/dr/failover-preview.js';
import type { ReviewedPlan } from '../../src/core/reviewed-plan.js';
import type { LayerGraph } from '../../src/core/graph/types.js';
import { NOT_REPORTED } from '../../src/core/merge-results.js';
import { toResultFile } from '../../src/core/result-file.js';
import type { RunResult } from '../../src/core/run-result.js';
import type { ProcessRunner } from '../../src/engine/process-runner.js';
import type { EngineReporter } from '../../src/engine/run-engine.js';
import { FakeTerraform } from '../helpers/fake-terraform.js';
import { scratchDir } from '../helpers/scratch.js';

/** The use cases in-process: the example estate, Terraform replaced by the engine's fake runner. */
const EXAMPLE = 'examples/multi-region';

const quiet: EngineReporter = {
  instanceChanged: () => undefined,
  instanceOutput: () => Promise.resolve(),
  secrets: () => undefined,
};

/** A copy of the example estate (the use cases write under it) and a fake Terraform to run it with. */
function estate(
  outputsFor: (id: string) => Record<string, { value: unknown }> = (id) => ({ id: { value: `${id}-id` } }),
) {
  const cwd = scratchDir('strata-app-');
  cpSync(EXAMPLE, cwd, { recursive: true });
  const terraform = new FakeTerraform(outputsFor);
  const settings = (extra: Partial<RunSettings> = {}): RunSettings => ({
    command: 'plan',
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
  const adapters = { runner: terraform, reporter: quiet, signal: new AbortController().signal };
  return { cwd, terraform, settings, adapters };
}

const statusOf = (run: RunResult) => Object.fromEntries(run.instances.map((i) => [i.id, i.status]));

/** Every instance that depends on `id`, directly or not. */
function dependentsOf(graph: LayerGraph, id: string): Set<string> {
  const found = new Set<string>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const instance of graph.instances) {
      if (found.has(instance.id)) continue;
      if (instance.dependsOn.some((dependency) => dependency === id || found.has(dependency))) {
        found.add(instance.id);
        grew = true;
      }
    }
  }
  return found;
}

describe('showGraph', () => {
  const settings = { manifestFile: `${EXAMPLE}/layers.yml`, cwd: process.cwd(), selection: { filter: {} } };

  it('orders the selected instances in waves, each after what it depends on', () => {
    const { dag, waves, matrix, loaded } = showGraph(settings);
    expect(matrix).toBeUndefined();
    expect(dag.ids.length).toBeGreaterThan(0);
    expect(dag.ids.length).toBeLessThan(loaded.graph.instances.length); // backup_restore: no standby copies
    expect(waves.flat().sort()).toEqual([...dag.ids].sort());
    const waveOf = new Map(waves.flatMap((wave, index) => wave.map((id) => [id, index] as const)));
    for (const id of dag.ids) {
      for (const dependency of dag.dependsOn.get(id) ?? [])
        expect(waveOf.get(dependency)!).toBeLessThan(waveOf.get(id)!);
    }
  });

  it('with maxStages, packs the waves into that many stages of jobs covering every instance', () => {
    const { dag, waves, matrix } = showGraph({ ...settings, maxStages: 3 });
    expect(waves.length).toBe(3);
    expect(matrix.stage_count).toBe(3);
    const jobs = matrix.stages.flatMap((stage) => stage.include);
    expect(jobs.flatMap((job) => job.instances.split(',')).sort()).toEqual([...dag.ids].sort());
    expect(jobs.find((job) => job.instances === 'dev/eu-west-2/dev/app')?.github_environment).toBe('dev-dev');
  });

  it('with fewer stages than waves, refuses a job that would join two GitHub Environments', () => {
    // The shared last stage would run dev/eu-west-2/network (environment 'dev') with the apps on it ('dev-dev').
    expect(() => showGraph({ ...settings, maxStages: 2 })).toThrow(
      /Give the 'max-stages' setting at least 3/,
    );
  });

  it('selects by the filter, and only the ephemeral environment when one is given', () => {
    const network = showGraph({ ...settings, selection: { filter: { layers: ['network'] } } });
    expect(network.dag.ids.length).toBeGreaterThan(0);
    expect(network.dag.ids.every((id) => network.loaded.graph.byId.get(id)!.layer === 'network')).toBe(true);

    const pr = showGraph({ ...settings, ephemeralEnvironment: 'pr-7' });
    const environments = new Set(pr.dag.ids.map((id) => pr.loaded.graph.byId.get(id)!.environment));
    expect(environments).toEqual(new Set(['pr-7']));
  });
});

describe('executeRun', () => {
  it('applies every selected instance; a plan afterwards finds no changes and applies nothing', async () => {
    const { terraform, settings, adapters } = estate();
    const applied = await executeRun(settings({ command: 'apply' }), adapters);
    expect(applied.run.status).toBe('succeeded');
    expect(applied.run.hasChanges).toBe(true);
    expect(applied.run.instances.map((i) => i.id).sort()).toEqual([...applied.dag.ids].sort());
    expect(new Set(Object.values(statusOf(applied.run)))).toEqual(new Set(['succeeded']));
    expect(terraform.calls[0]!.command).toBe('version');

    const calls = terraform.calls.length;
    const { run } = await executeRun(settings(), adapters);
    expect(run.command).toBe('plan');
    expect(run.status).toBe('succeeded');
    expect(run.hasChanges).toBe(false);
    expect(run.instances).toHaveLength(applied.run.instances.length);
    expect(terraform.calls.slice(calls).some((call) => call.command === 'apply')).toBe(false);
  });

  it('plans a new estate: the roots plan their changes, what reads their outputs waits for an apply', async () => {
    const { settings, adapters } = estate();
    const { run } = await executeRun(settings(), adapters);
    expect(statusOf(run)).toMatchObject({ dns: 'succeeded', 'dev/iam': 'succeeded' });
    const network = toResultFile(run).instances.find((i) => i.id === 'dev/eu-west-2/network')!;
    expect([network.status, network.step]).toEqual(['skipped', 'read-upstream']);
    expect(network.reason).toContain('dev/iam');
  });

  it('applies: a failed instance fails, what depends on it is skipped, the rest succeeds', async () => {
    const { terraform, settings, adapters } = estate();
    const failing = 'prod/eu-west-1/network';
    terraform.failures.set(failing, 'apply');
    const { run, loaded, dag } = await executeRun(settings({ command: 'apply' }), adapters);
    expect(dag.ids).toContain(failing);
    const skipped = dependentsOf(loaded.graph, failing);
    expect(skipped.size).toBeGreaterThan(0);
    expect(run.status).toBe('failed');
    for (const [id, status] of Object.entries(statusOf(run))) {
      expect([id, status]).toEqual([
        id,
        id === failing ? 'failed' : skipped.has(id) ? 'skipped' : 'succeeded',
      ]);
    }
  });
});

describe('mergeReport', () => {
  it("merges the matrix jobs' report files into one run over the instances they ran, in the manifest's order", async () => {
    const { cwd, settings, adapters } = estate();
    const results = path.join(cwd, 'results');
    const first = await executeRun(
      settings({ command: 'apply', selection: { filter: { layers: ['dns', 'iam'] } } }),
      adapters,
    );
    const second = await executeRun(
      settings({ command: 'apply', selection: { filter: { layers: ['network'] } } }),
      adapters,
    );
    await writeReportFiles(results, first.run, new Map([[first.run.instances[0]!.id, 'plan text']]));
    await writeReportFiles(results, second.run, new Map());

    // The matrix covered these layers (its graph step selected them), so the report covers them too.
    const report = await mergeReport({
      manifestFile: 'layers.yml',
      cwd,
      resultsDirectory: results,
      selection: { filter: { layers: ['dns', 'iam', 'network'] } },
    });
    const ids = [...first.run.instances, ...second.run.instances].map((i) => i.id);
    expect([...report.dag.ids].sort()).toEqual([...ids].sort());
    expect(report.dag.ids).toEqual(
      report.loaded.graph.instances.map((i) => i.id).filter((id) => ids.includes(id)),
    );
    expect(report.run?.status).toBe('succeeded');
    expect(report.plans).toEqual(new Map([[first.run.instances[0]!.id, 'plan text']]));
  });

  it('lists what no job reported as not run, and then fails: the report covers every instance of the graph', async () => {
    const { cwd, settings, adapters } = estate();
    const results = path.join(cwd, 'results');
    const ran = await executeRun(
      settings({ command: 'apply', selection: { filter: { layers: ['dns'] } } }),
      adapters,
    );
    await writeReportFiles(results, ran.run, new Map());

    const report = await mergeReport({ manifestFile: 'layers.yml', cwd, resultsDirectory: results });
    const steadyState = showGraph({ manifestFile: 'layers.yml', cwd, selection: { filter: {} } }).dag.ids;
    expect(steadyState.length).toBeGreaterThan(ran.run.instances.length);
    expect(report.run?.status).toBe('failed');
    expect(statusOf(report.run!)).toMatchObject({ dns: 'succeeded', 'dev/iam': 'skipped' });
    expect(toResultFile(report.run!).instances.find((i) => i.id === 'dev/iam')!.reason).toBe(NOT_REPORTED);
    // Every instance of the steady state, reported or not, in the manifest's order.
    expect(report.dag.ids).toEqual(steadyState);
    expect(report.run!.instances.map((i) => i.id).sort()).toEqual([...steadyState].sort());
  });

  it('counts a job whose result still says running (it was killed) as not succeeded', async () => {
    const { cwd, settings, adapters } = estate();
    const results = path.join(cwd, 'results');
    const ran = await executeRun(settings({ command: 'apply' }), adapters);
    expect(ran.run.status).toBe('succeeded');
    const killed: RunResult = { ...ran.run, status: 'running', finishedAt: null, durationMs: null };
    await writeReportFiles(results, killed, new Map());

    const report = await mergeReport({ manifestFile: 'layers.yml', cwd, resultsDirectory: results });
    expect(report.run!.instances.every((i) => i.status === 'succeeded')).toBe(true);
    expect(report.run!.status).toBe('failed');
    expect(report.run!.finishedAt).toBeNull();
  });

  it.each([
    ['no results folder', (cwd: string) => path.join(cwd, 'never-downloaded')],
    ['an empty results folder', (cwd: string) => mkdirSync(path.join(cwd, 'empty'), { recursive: true })!],
  ])('with %s, has no run to report and still knows what was to run', async (_name, folder) => {
    const { cwd } = estate();
    const report = await mergeReport({ manifestFile: 'layers.yml', cwd, resultsDirectory: folder(cwd) });
    expect(report.run).toBeUndefined();
    expect(report.dag.ids).toContain('dns');
    expect(report.plans.size).toBe(0);
  });
});

/** A drill to eu-west-1 of the estate in `cwd`, as `estate()` sets it up, unless `extra` says otherwise. */
function failoverSettings(cwd: string, extra: Partial<FailoverSettings> = {}): FailoverSettings {
  return {
    cwd,
    workDirectory: '.strata',
    terraformBinary: 'terraform',
    env: {},
    wording: terminalWording,
    manifestFile: 'layers.yml',
    mode: 'failover',
    to: 'eu-west-1',
    dryRun: true,
    force: false,
    writeManifest: false,
    ...extra,
  };
}

describe('executeFailover', () => {
  it('a drill plans the failover to the secondary region and applies nothing', async () => {
    const { settings, terraform, adapters } = estate();
    expect((await executeRun(settings({ command: 'apply' }), adapters)).run.status).toBe('succeeded');
    const calls = terraform.calls.length;
    const run = await executeFailover(failoverSettings(settings().cwd), adapters);
    expect(run.command).toBe('plan');
    expect(run.status).toBe('succeeded');
    expect(run.failover).toMatchObject({
      mode: 'failover',
      from: 'eu-west-2',
      to: 'eu-west-1',
      dryRun: true,
    });
    expect(run.failover!.readiness.map((entry) => entry.id).sort()).toEqual(
      run.instances.map((i) => i.id).sort(),
    );
    expect(run.failover!.readiness.every((entry) => entry.planSucceeded)).toBe(true);
    expect(terraform.calls.slice(calls).some((call) => call.command === 'apply')).toBe(false);
  });

  /** The example estate applied in steady state, then a drill to eu-west-1 with the given settings. */
  async function drill(
    setUp: (cwd: string, terraform: FakeTerraform) => void = () => undefined,
    extra: Partial<FailoverSettings> = {},
    outputsFor?: (id: string) => Record<string, { value: unknown }>,
  ) {
    const { settings, terraform, adapters, cwd } = estate(outputsFor);
    expect((await executeRun(settings({ command: 'apply' }), adapters)).run.status).toBe('succeeded');
    setUp(cwd, terraform);
    const run = await executeFailover(failoverSettings(cwd, extra), { ...adapters, now: () => NOW });
    return { run, drill: run.failover!.drill!, terraform, cwd };
  }
  const NOW = new Date('2026-05-04T12:00:00Z');
  const withRpo = (rpo: string) => (cwd: string) => {
    const file = path.join(cwd, 'layers.yml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('dr:\n', `dr:\n  rpo: ${rpo}\n`));
  };
  const publishing = (at: string) => (id: string) => ({
    id: { value: `${id}-id` },
    ...(id.endsWith('eu-west-1/network') ? { strata_recovery_point: { value: at } } : {}),
  });

  it('a drill compares each replicated state with the primary: all fresh, ready', async () => {
    const { run, drill: findings } = await drill();
    expect(run.status).toBe('succeeded');
    expect(findings.ready).toBe(true);
    expect(findings.replicas.map((check) => [check.id, check.status])).toEqual([
      ['dev/iam', 'fresh'],
      ['dns', 'fresh'],
      ['prod/iam', 'fresh'],
    ]);
    const app = run.failover!.readiness.find((entry) => entry.id === 'prod/eu-west-1/staging/app')!;
    expect(app).toMatchObject({ replicaReachable: true, replicaFresh: true, reason: null });
  });

  it('a replica behind the primary (replication broken) makes the drill not ready, with the reason', async () => {
    const { run, drill: findings } = await drill((_cwd, terraform) => {
      terraform.stateOf = (id, backend) =>
        JSON.stringify({
          lineage: `lineage-${id}`,
          serial: backend.includes('/eu-west-1/') && id === 'dns' ? 3 : 7,
        });
    });
    expect(run.status).toBe('failed');
    expect(findings.ready).toBe(false);
    expect(findings.replicas.find((check) => check.id === 'dns')).toMatchObject({ status: 'stale' });
    const app = run.failover!.readiness.find((entry) => entry.id === 'prod/eu-west-1/staging/app')!;
    expect(app.planSucceeded).toBe(true);
    expect(app.replicaFresh).toBe(false);
    expect(app.reason).toContain('replica of dns stale: the replica is at serial 3, the primary at 7');
    // What does not read dns is still ready.
    const network = run.failover!.readiness.find((entry) => entry.id === 'prod/eu-west-1/network')!;
    expect(network.reason).toBeNull();
  });

  it('dr.rpo: an old recovery point fails the drill, a recent one passes', async () => {
    const old = await drill(withRpo('1h'), {}, publishing('2026-05-04T09:30:00Z'));
    expect(old.run.status).toBe('failed');
    expect(old.drill.recoveryPoint.checks).toEqual([
      expect.objectContaining({ id: 'dev/eu-west-1/network', ageSeconds: 9000, withinRpo: false }),
      expect.objectContaining({ id: 'prod/eu-west-1/network', ageSeconds: 9000, withinRpo: false }),
    ]);
    expect(old.drill.recoveryPoint.checks[0]!.problem).toContain('2h 30m old, older than dr.rpo 1h');
    const recent = await drill(withRpo('1h'), {}, publishing('2026-05-04T11:15:00Z'));
    expect(recent.drill.recoveryPoint.checks.every((check) => check.withinRpo)).toBe(true);
    expect(recent.run.status).toBe('succeeded');
  });

  it('dr.rpo with nothing publishing strata_recovery_point fails the drill and says so', async () => {
    const { run, drill: findings } = await drill(withRpo('24h'));
    expect(run.status).toBe('failed');
    expect(findings.recoveryPoint.problem).toContain('no instance the drill read publishes');
  });

  it('estimates the recovery time from the last failover, saying what it leaves out', async () => {
    const recorded = (await drill()).run;
    const { run: dry, drill: planned } = await drill();
    expect(planned.estimate.basis).toContain("this dry run's plan times only");
    const history = path.join(scratchDir('strata-history-'), 'failover.json');
    writeFileSync(
      history,
      JSON.stringify({
        ...recorded,
        startedAt: '2026-04-01T10:00:00.000Z',
        instances: recorded.instances.map((instance) => ({ ...instance, durationMs: 60_000 })),
      }),
    );
    const { run, drill: findings } = await drill(undefined, { history });
    expect(findings.estimate.basis).toBe(
      'the durations of the failover recorded at 2026-04-01T10:00:00.000Z',
    );
    // The longest chain of the example's failover set: network, then app, a minute each, then its hooks: the
    // smoke test after the app and the traffic switch after everything, neither drill_safe, so each counts its
    // timeout (30 s, 1 m).
    expect(run.failover!.estimatedRecoverySeconds).toBe(120 + 30 + 60);
    expect(findings.estimate.hooks!.every((hook) => hook.source === 'timeout')).toBe(true);
    expect(findings.estimate.leavesOut.join('; ')).toMatch(/approval.*DNS TTL/);
    expect(dry.failover!.estimatedRecoverySeconds).toBeLessThan(120 + 30 + 60);
    expect(dry.failover!.estimatedRecoverySeconds).toBeGreaterThanOrEqual(30 + 60);
  });

  it('a failback dry run reports a plan, not an apply', async () => {
    const { settings, adapters, cwd } = estate();
    expect((await executeRun(settings({ command: 'apply' }), adapters)).run.status).toBe('succeeded');
    const run = await executeFailover(
      failoverSettings(cwd, { mode: 'failback', to: 'eu-west-2', from: 'eu-west-1', force: true }),
      adapters,
    );
    expect(run.command).toBe('plan');
    expect(run.status).toBe('succeeded');
  });

  it('a failback dry run plans every phase, those after a failed one too, so the preview misses none', async () => {
    const { terraform, settings, adapters, cwd } = estate();
    expect((await executeRun(settings({ command: 'apply' }), adapters)).run.status).toBe('succeeded');
    terraform.failures.set('prod/eu-west-2/network', 'plan');
    const run = await executeFailover(
      failoverSettings(cwd, { mode: 'failback', to: 'eu-west-2', from: 'eu-west-1', force: true }),
      adapters,
    );
    expect(run.status).toBe('failed');
    const phases = run.failover!.failback!.phases;
    expect(phases.map((phase) => [phase.name, phase.status])).toEqual([
      ['promote', 'failed'],
      // Nothing to check: the manifest has eu-west-2 as primary, the region that held the service.
      ['verify', 'succeeded'],
      ['retire', 'succeeded'],
      ['demote', 'succeeded'],
    ]);
    const planned = new Set(terraform.calls.filter((call) => call.command === 'plan').map((call) => call.id));
    for (const phase of phases.slice(2)) {
      for (const id of phase.instances) expect(planned).toContain(id);
    }
  });
});

/** The fake Terraform, but `show` of the instances in `replacing` reports a replacement, as a plan on changed inputs may. */
function replacingRunner(terraform: FakeTerraform, replacing: ReadonlySet<string>): ProcessRunner {
  return {
    run: (request) => {
      const id = request.env.STRATA_INSTANCE_ID ?? '';
      if (request.args[0] !== 'show' || !replacing.has(id)) return terraform.run(request);
      const plan = {
        format_version: '1.2',
        planned_values: {},
        resource_changes: [
          { address: 'terraform_data.x', mode: 'managed', change: { actions: ['delete', 'create'] } },
        ],
      };
      request.onStdout?.(JSON.stringify(plan));
      return terraform.run({ ...request, onStdout: () => undefined });
    },
  };
}

describe('executeRun: the reviewed plan (a plan, then apply --plan-dir)', () => {
  /** dns and iam applied, then the network layer planned into 'reviewed'; outputs change with `generation`. */
  async function reviewed() {
    const { cwd, settings, adapters } = estate();
    let generation = 0;
    const terraform = new FakeTerraform((id) => ({ id: { value: `${id}-id-${generation}` } }));
    const replacing = new Set<string>();
    const withRunner = { ...adapters, runner: replacingRunner(terraform, replacing) };
    const roots = await executeRun(
      settings({ command: 'apply', selection: { filter: { layers: ['dns', 'iam'] } } }),
      withRunner,
    );
    expect(roots.run.status).toBe('succeeded');
    const network = { selection: { filter: { layers: ['network'] } } };
    const plan = await executeRun(settings({ ...network, workDirectory: 'reviewed' }), withRunner);
    expect(plan.run.status).toBe('succeeded');
    const apply = (extra: Partial<RunSettings>) =>
      executeRun(settings({ command: 'apply', ...network, planDirectory: 'reviewed', ...extra }), withRunner);
    return { cwd, terraform, replacing, apply, ids: plan.dag.ids, changeOutputs: () => generation++ };
  }
  const plansIn = (terraform: FakeTerraform, from: number) =>
    terraform.calls.slice(from).filter((call) => call.command === 'plan');

  it('the plan writes what it showed beside its saved plans: each instance and its resource changes', async () => {
    const { cwd, ids } = await reviewed();
    const plan = JSON.parse(
      readFileSync(path.join(cwd, 'reviewed', 'reviewed-plan.json'), 'utf8'),
    ) as ReviewedPlan;
    expect(plan.version).toBe(1);
    expect(plan.instances.map((entry) => entry.id).sort()).toEqual([...ids].sort());
    expect(plan.instances[0]!.changes).toEqual([{ address: 'terraform_data.x', action: 'create' }]);
  });

  it('applies saved plans whose inputs are unchanged as saved, planning nothing, in either mode', async () => {
    for (const stalePlans of ['refuse', 'replan'] as const) {
      const { terraform, apply, ids } = await reviewed();
      const before = terraform.calls.length;
      const { run } = await apply({ stalePlans });
      expect(run.status).toBe('succeeded');
      expect(plansIn(terraform, before)).toEqual([]);
      expect(ids.every((id) => terraform.applied.has(id))).toBe(true);
      expect(run.reviewedPlan).toEqual({ stalePlans, replanned: [] });
    }
  });

  it('refuse: a saved plan whose upstream outputs changed fails its instance, and nothing is planned again', async () => {
    const { terraform, apply, ids, changeOutputs } = await reviewed();
    changeOutputs();
    const before = terraform.calls.length;
    const { run } = await apply({});
    expect(run.status).toBe('failed');
    expect(plansIn(terraform, before)).toEqual([]);
    for (const instance of run.instances) {
      if (instance.status !== 'failed') throw new Error(`${instance.id}: ${instance.status}`);
      expect(instance.error).toContain(
        `the saved plan for ${instance.id} is stale: the outputs of its upstream`,
      );
    }
    expect(ids.some((id) => terraform.applied.has(id))).toBe(false);
  });

  it('refuse: a saved plan whose layer code changed fails its instance: applying it would apply the old code', async () => {
    const { cwd, apply } = await reviewed();
    writeFileSync(path.join(cwd, 'terraform/region/network/extra.tf'), 'locals {\n  x = 1\n}\n');
    const { run } = await apply({});
    expect(run.status).toBe('failed');
    const [first] = run.instances;
    if (first?.status !== 'failed') throw new Error(`first: ${first?.status ?? 'missing'}`);
    expect(first.error).toContain('the code of its layer network (or of a local module it uses) changed');
  });

  it('replan: plans stale ones afresh and applies those that match, recording each; a replacement stops only its own', async () => {
    const { terraform, replacing, apply, ids, changeOutputs } = await reviewed();
    changeOutputs();
    const [replaced, ...rest] = [...ids].sort();
    replacing.add(replaced!);
    const { run } = await apply({ stalePlans: 'replan' });
    expect(run.status).toBe('failed');
    expect(statusOf(run)).toEqual(
      Object.fromEntries([...ids].map((id) => [id, id === replaced ? 'failed' : 'succeeded'])),
    );
    expect(rest.every((id) => terraform.applied.has(id))).toBe(true);
    expect(terraform.applied.has(replaced!)).toBe(false);
    const report = run.reviewedPlan!;
    expect(report.stalePlans).toBe('replan');
    expect(report.replanned.map((entry) => entry.id).sort()).toEqual([...ids].sort());
    expect(report.replanned.find((entry) => entry.id === rest[0])).toMatchObject({
      accepted: true,
      wasReviewed: true,
      differences: [],
    });
    expect(report.replanned.find((entry) => entry.id === replaced)).toMatchObject({
      accepted: false,
      differences: [{ address: 'terraform_data.x', previewed: 'create', planned: 'replace' }],
    });
    const failed = run.instances.find((instance) => instance.id === replaced);
    if (failed?.status !== 'failed') throw new Error(`${replaced}: ${failed?.status ?? 'missing'}`);
    expect(failed.error).toContain('terraform_data.x: replace (the reviewed plan showed create)');
  });

  it('replan needs a plan directory holding the reviewed plan', async () => {
    const { cwd, apply } = await reviewed();
    await expect(apply({ stalePlans: 'replan', planDirectory: undefined })).rejects.toThrow(
      /'stale-plans' setting replan goes with the 'plan-dir' setting/,
    );
    rmSync(path.join(cwd, 'reviewed', 'reviewed-plan.json'));
    await expect(apply({ stalePlans: 'replan' })).rejects.toThrow(/no reviewed-plan\.json in .*reviewed/);
  });
});

describe('executeFailover: the reviewed failover (a preview, then --plan-dir)', () => {
  /** The example estate in steady state, outputs that change when `generation` does, and failover settings. */
  async function previewed() {
    const { cwd, settings, adapters } = estate();
    let generation = 0;
    // A url for the example's smoke test, which runs after each app instance.
    const terraform = new FakeTerraform((id) => ({
      id: { value: `${id}-id-${generation}` },
      url: { value: `https://${id}.example.internal` },
    }));
    /** `show` of these instances reports a replacement, as a plan on changed inputs may. */
    const replacing = new Set<string>();
    const withRunner = { ...adapters, runner: replacingRunner(terraform, replacing) };
    expect((await executeRun(settings({ command: 'apply' }), withRunner)).run.status).toBe('succeeded');
    const failover = (extra: Partial<FailoverSettings>): FailoverSettings => ({
      cwd,
      workDirectory: '.strata',
      terraformBinary: 'terraform',
      env: {},
      wording: terminalWording,
      manifestFile: 'layers.yml',
      mode: 'failover',
      to: 'eu-west-1',
      dryRun: false,
      force: false,
      writeManifest: false,
      ...extra,
    });
    // The real runner makes the folder of each log file; the fake does not, and the record's logs go there.
    mkdirSync(path.join(cwd, '.strata', 'failover-record', 'eu-west-1'), { recursive: true });
    const dryRun = await executeFailover(failover({ dryRun: true, workDirectory: 'preview' }), withRunner);
    expect(dryRun.status).toBe('succeeded');
    return {
      cwd,
      terraform,
      replacing,
      failover,
      adapters: withRunner,
      changeOutputs: () => generation++,
    };
  }

  it('the dry run writes the preview: every instance, its resource changes, its mocked upstreams', async () => {
    const { cwd } = await previewed();
    const preview = JSON.parse(
      readFileSync(path.join(cwd, 'preview', 'failover-preview.json'), 'utf8'),
    ) as FailoverPreview;
    expect(preview).toMatchObject({ version: 1, mode: 'failover', from: 'eu-west-2', to: 'eu-west-1' });
    expect(preview.instances.find((entry) => entry.id === 'prod/eu-west-1/staging/app')).toEqual({
      id: 'prod/eu-west-1/staging/app',
      state: 'planned',
      changes: [{ address: 'terraform_data.x', action: 'create' }],
      mockedUpstreams: [],
      waitsOn: [],
    });
  });

  it('applies saved plans whose inputs did not change, as saved, and plans nothing again', async () => {
    const { failover, adapters, terraform } = await previewed();
    const before = terraform.calls.length;
    const run = await executeFailover(failover({ planDirectory: 'preview' }), adapters);
    expect(run.status).toBe('succeeded');
    const planned = terraform.calls.slice(before).filter((call) => call.command === 'plan');
    // The one plan is the failover record's, written after the failover succeeded.
    expect(planned.map((call) => call.id)).toEqual(['strata/eu-west-1/failover-record']);
    expect(terraform.applied.has('prod/eu-west-1/staging/app')).toBe(true);
  });

  it('plans stale ones afresh and applies them when they match the preview; a replacement stops its branch only', async () => {
    const { failover, adapters, terraform, replacing, changeOutputs } = await previewed();
    changeOutputs();
    replacing.add('prod/eu-west-1/staging/app');
    const before = terraform.calls.length;
    const run = await executeFailover(failover({ planDirectory: 'preview' }), adapters);
    expect(run.status).toBe('failed');
    const planned = terraform.calls.slice(before).filter((call) => call.command === 'plan');
    expect(planned.map((call) => call.id)).toContain('prod/eu-west-1/production/app');
    const statuses = statusOf(run);
    expect(statuses['prod/eu-west-1/production/app']).toBe('succeeded');
    expect(statuses['dev/eu-west-1/dev/app']).toBe('succeeded');
    expect(statuses['prod/eu-west-1/staging/app']).toBe('failed');
    expect(terraform.applied.has('prod/eu-west-1/staging/app')).toBe(false);
    const staging = run.instances.find((i) => i.id === 'prod/eu-west-1/staging/app');
    if (staging?.status !== 'failed') throw new Error(`staging app: ${staging?.status ?? 'missing'}`);
    const { error } = staging;
    expect(error).toContain('the saved plan for prod/eu-west-1/staging/app is stale');
    expect(error).toContain('terraform_data.x: replace (the preview showed create)');
    expect(error).toContain("'strata failover --to eu-west-1 --from eu-west-2 --dry-run'");
    expect(error).not.toContain('strata plan');
  });

  it('refuses a plan directory without a preview, naming the failover dry run', async () => {
    const { failover, adapters, cwd } = await previewed();
    rmSync(path.join(cwd, 'preview', 'failover-preview.json'));
    const refused = await executeFailover(failover({ planDirectory: 'preview' }), adapters).then(
      () => undefined,
      (error: unknown) => getErrorMessage(error, terminalWording),
    );
    expect(refused).toMatch(
      /no failover-preview\.json in .*preview: the failover applies what a dry run previewed; run 'strata failover --to eu-west-1 --from eu-west-2 --dry-run'/,
    );
  });

  it('refuses the preview of another move', async () => {
    const { failover, adapters } = await previewed();
    await expect(
      executeFailover(
        failover({ planDirectory: 'preview', from: 'eu-west-1', to: 'eu-west-2', force: true }),
        adapters,
      ),
    ).rejects.toThrow(/is of the failover eu-west-2 → eu-west-1, not of this failover eu-west-1 → eu-west-2/);
  });
});
