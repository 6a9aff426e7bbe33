import { describe, expect, it } from '@jest/globals';
import { cpSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { executeRun, type RunSettings } from '../../src/app/execute-run.js';
import { executeFailover } from '../../src/app/failover.js';
import { mergeReport } from '../../src/app/merge-report.js';
import { writeReportFiles } from '../../src/app/result-files.js';
import { showGraph } from '../../src/app/show-graph.js';
import type { LayerGraph } from '../../src/core/graph/types.js';
import { NOT_REPORTED } from '../../src/core/merge-results.js';
import { toResultFile } from '../../src/core/result-file.js';
import type { RunResult } from '../../src/core/run-result.js';
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
function estate() {
  const cwd = scratchDir('strata-app-');
  cpSync(EXAMPLE, cwd, { recursive: true });
  const terraform = new FakeTerraform((id) => ({ id: { value: `${id}-id` } }));
  const settings = (extra: Partial<RunSettings> = {}): RunSettings => ({
    command: 'plan',
    manifestFile: 'layers.yml',
    selection: { filter: {} },
    failFast: false,
    workDirectory: '.strata',
    terraformBinary: 'terraform',
    cwd,
    env: {},
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
    const { dag, waves, matrix } = showGraph({ ...settings, maxStages: 2 });
    expect(waves.length).toBeGreaterThan(2);
    expect(matrix.stage_count).toBe(2);
    const jobs = matrix.stages.flatMap((stage) => stage.include);
    expect(jobs.flatMap((job) => job.instances.split(',')).sort()).toEqual([...dag.ids].sort());
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

describe('executeFailover', () => {
  it('a drill plans the failover to the secondary region and applies nothing', async () => {
    const { settings, terraform, adapters } = estate();
    expect((await executeRun(settings({ command: 'apply' }), adapters)).run.status).toBe('succeeded');
    const calls = terraform.calls.length;
    const { cwd, workDirectory, terraformBinary, env } = settings();
    const run = await executeFailover(
      {
        cwd,
        workDirectory,
        terraformBinary,
        env,
        manifestFile: 'layers.yml',
        mode: 'failover',
        to: 'eu-west-1',
        dryRun: true,
        force: false,
        writeManifest: false,
      },
      adapters,
    );
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
});
