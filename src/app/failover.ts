import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadManifest, type LoadedManifest } from '../adapters/load-manifest.js';
import { planFailover, withPrimary } from '../core/dr/plan-failover.js';
import { steadyStateRoles } from '../core/dr/steady-state.js';
import { UsageError } from '../core/errors.js';
import { expandManifest } from '../core/graph/expand-manifest.js';
import type { Instance } from '../core/graph/types.js';
import { setPrimaryRegion } from '../core/manifest/swap-roles.js';
import { mergeResults } from '../core/merge-results.js';
import { recoverySeconds } from '../core/render/timeline.js';
import type { EngineCommand, ReadinessEntry, RunResult } from '../core/run-result.js';
import { remainingPathLengths } from '../core/schedule/critical-path.js';
import { reverseDag, type Dag } from '../core/schedule/dag.js';
import { selectInstances } from '../core/selection/select-instances.js';
import { runEngine } from '../engine/run-engine.js';
import { setUpEngine, type EngineAdapters, type EngineSettings, type EngineSetup } from './engine-setup.js';
import { steadyStateContext } from './execute-run.js';
import { writeFailoverRecord, type RecordContext } from './failover-record.js';
import { primaryRegionOf } from '../core/manifest/primary-region.js';

export interface FailoverSettings extends EngineSettings {
  mode: 'failover' | 'failback';
  to: string;
  from?: string | undefined;
  dryRun: boolean;
  force: boolean;
  writeManifest: boolean;
  manifestFile: string;
  accounts?: readonly string[] | undefined;
  environments?: readonly string[] | undefined;
  layers?: readonly string[] | undefined;
  /** A previous failover's result file: its durations estimate a drill's recovery time. */
  history?: string | undefined;
}

interface Prepared extends EngineSetup {
  loaded: LoadedManifest;
}

async function prepare(settings: FailoverSettings, adapters: EngineAdapters): Promise<Prepared> {
  if (settings.planDirectory !== undefined && settings.dryRun) {
    throw new UsageError(
      (name) => `${name('plan-dir')} applies saved plans: it cannot go with ${name('dry-run')}`,
    );
  }
  const loaded = loadManifest(settings.manifestFile, settings.cwd);
  // A failover goes on past a failed instance: every region it can bring up counts.
  return { loaded, ...(await setUpEngine({ ...settings, failFast: false }, loaded, adapters)) };
}

/**
 * `strata failover`: brings the service up in the target region while the failed region, its state and its
 * lock store are unreachable. Every Terraform command runs against the target region or, for state kept in
 * the failed region, against its replica, read-only. With `dryRun` (the drill) nothing is applied.
 */
export async function executeFailover(
  settings: FailoverSettings,
  adapters: EngineAdapters,
): Promise<RunResult> {
  if (settings.mode === 'failback') return executeFailback(settings, adapters);
  const prepared = await prepare(settings, adapters);
  const { manifest } = prepared.loaded;
  const plan = planFailover(prepared.loaded, {
    to: settings.to,
    from: settings.from,
    force: settings.force,
    accounts: settings.accounts,
    environments: settings.environments,
    layers: settings.layers,
  });
  const run = await runEngine({
    ...prepared.base,
    command: settings.dryRun ? 'plan' : 'apply',
    manifest: withPrimary(manifest, plan.to),
    graph: plan.graph,
    dag: plan.dag,
    contextOf: () => plan.context,
    readBackendOf: (id) => plan.replicaBackends.get(id),
  });
  const readiness = run.instances.map((instance): ReadinessEntry => {
    const readsReplica = plan.graph
      .inputsOf(instance.id)
      .some((input) => input.sources.some((source) => plan.replicaBackends.has(source.id)));
    return {
      id: instance.id,
      backendReachable: !(instance.status === 'failed' && instance.step === 'init'),
      replicaReachable: readsReplica
        ? !(instance.status === 'failed' && instance.step === 'read-upstream')
        : null,
      planSucceeded: instance.status === 'succeeded',
      changes: instance.changes,
    };
  });
  run.failover = {
    mode: 'failover',
    from: plan.from,
    to: plan.to,
    dryRun: settings.dryRun,
    recoverySeconds: settings.dryRun ? null : recoverySeconds(run),
    estimatedRecoverySeconds: settings.dryRun
      ? await estimateRecovery(
          plan.dag,
          run,
          settings.history ? path.resolve(settings.cwd, settings.history) : undefined,
        )
      : null,
    readiness,
    notes: plan.notes,
  };
  if (!settings.dryRun && run.status === 'succeeded') {
    await writeFailoverRecord(recordContext(prepared), plan.to, {
      from: plan.from,
      to: plan.to,
      at: run.finishedAt ?? new Date().toISOString(),
    });
    if (settings.writeManifest) await writePrimary(settings, plan.to);
  }
  return run;
}

/**
 * `strata failback --to REGION`: REGION is back. First bring REGION's layers up as primary; only then demote
 * the current primary to its steady state (destroying the environment copies that backup_restore does not
 * keep, re-applying the rest as secondary), so the service stays up throughout. Clears the failover record.
 */
async function executeFailback(settings: FailoverSettings, adapters: EngineAdapters): Promise<RunResult> {
  const prepared = await prepare(settings, adapters);
  const { manifest } = prepared.loaded;
  const current = primaryRegionOf(manifest);
  if (!manifest.regions.some((region) => region.name === settings.to)) {
    throw new UsageError(
      (name) =>
        `${name('to')}: unknown region '${settings.to}'; the manifest has ${manifest.regions.map((r) => r.name).join(', ')}`,
    );
  }
  const demoted = settings.from ?? current;
  if (settings.to === demoted) {
    if (!settings.force) {
      throw new UsageError(
        (name) =>
          `The manifest already names ${settings.to} as primary: give ${name('from')} the region that took over during the failover, or use ${name('force')}`,
      );
    }
  }
  const after = withPrimary(manifest, settings.to);
  const graph = expandManifest({ manifest: after, locations: prepared.loaded.locations });
  const filter = {
    accounts: settings.accounts,
    environments: settings.environments,
    layers: settings.layers,
  };
  // Global and account instances are outside any region; `inRegion` only ever asks about the others.
  const roleAfter = steadyStateRoles(after);
  const isKept = (instance: Instance) => roleAfter(instance) !== null;
  const inRegion = (region: string, keep: (instance: Instance) => boolean) =>
    new Set(
      graph.instances.filter((instance) => instance.region === region && keep(instance)).map((i) => i.id),
    );
  const promote = selectInstances(graph, {
    ...filter,
    within: inRegion(settings.to, isKept),
  });
  const retire = selectInstances(graph, {
    ...filter,
    within: inRegion(demoted, (i) => !isKept(i)),
  });
  const keep = selectInstances(graph, {
    ...filter,
    within: inRegion(demoted, isKept),
  });
  const contextOf = steadyStateContext(after);
  // A dry run plans each stage as it would run (the retired copies with destroy plans), so that applying its
  // saved plans later does exactly what was reviewed.
  const stages: [EngineCommand, Dag][] = [
    ['apply', promote],
    ['destroy', reverseDag(retire)],
    ['apply', keep],
  ];
  const runs: RunResult[] = [];
  for (const [stageCommand, dag] of stages) {
    if (dag.ids.length === 0) continue;
    const run = await runEngine({
      ...prepared.base,
      command: stageCommand,
      planOnly: settings.dryRun,
      manifest: after,
      graph,
      dag,
      contextOf,
    });
    runs.push(run);
    if (run.status !== 'succeeded') break;
  }
  if (runs.length === 0) throw new UsageError(`Nothing to fail back to ${settings.to} with this selection`);
  const run = mergeResults(runs);
  run.failover = {
    mode: 'failback',
    from: demoted,
    to: settings.to,
    dryRun: settings.dryRun,
    recoverySeconds: settings.dryRun ? null : recoverySeconds(run),
    estimatedRecoverySeconds: null,
    readiness: [],
    notes: [],
  };
  if (!settings.dryRun && run.status === 'succeeded') {
    await writeFailoverRecord(recordContext(prepared), demoted, null);
    if (settings.writeManifest) await writePrimary(settings, settings.to);
  }
  return run;
}

function recordContext(prepared: Prepared): RecordContext {
  return {
    manifest: prepared.loaded.manifest,
    manifestDirectory: prepared.loaded.directory,
    terraform: prepared.terraform,
    logDirectory: prepared.workDirectory,
  };
}

/** Writes the new roles into the manifest file, editing only the role values (comments and layout stay). */
async function writePrimary(settings: FailoverSettings, primary: string) {
  const file = path.resolve(settings.cwd, settings.manifestFile);
  await writeFile(file, setPrimaryRegion(await readFile(file, 'utf8'), primary));
}

/**
 * The recovery time a drill expects: the critical path of the failover set, each instance costing its
 * duration in the last recorded failover when there is one, else its plan time in this drill.
 */
async function estimateRecovery(dag: Dag, drill: RunResult, history: string | undefined): Promise<number> {
  const durations = new Map(drill.instances.map((instance) => [instance.id, instance.durationMs ?? 0]));
  if (history) {
    let recorded: RunResult;
    try {
      recorded = JSON.parse(await readFile(history, 'utf8')) as RunResult;
    } catch (error) {
      throw new UsageError(
        (name) => `${name('history')}: cannot read '${history}': ${(error as Error).message}`,
      );
    }
    // The file is the user's: a result without instances estimates nothing.
    for (const instance of Array.isArray(recorded.instances) ? recorded.instances : []) {
      if (durations.has(instance.id) && instance.durationMs !== null)
        durations.set(instance.id, instance.durationMs);
    }
  }
  const lengths = remainingPathLengths(dag, (id) => durations.get(id) ?? 0);
  return Math.round(Math.max(0, ...lengths.values()) / 100) / 10;
}
