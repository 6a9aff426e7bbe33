import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadManifest, type LoadedManifest } from '../adapters/load-manifest.js';
import { drillReadiness, isReady } from '../core/dr/drill-readiness.js';
import { planFailover, withPrimary, type FailoverPlan } from '../core/dr/plan-failover.js';
import { estimateRecovery } from '../core/dr/recovery-estimate.js';
import { checkRecoveryPoints, RECOVERY_POINT_OUTPUT } from '../core/dr/recovery-point.js';
import { steadyStateRoles } from '../core/dr/steady-state.js';
import { UsageError } from '../core/errors.js';
import { expandManifest } from '../core/graph/expand-manifest.js';
import type { Instance } from '../core/graph/types.js';
import { setPrimaryRegion } from '../core/manifest/swap-roles.js';
import { setGlobalRegion } from '../core/manifest/set-global-region.js';
import { markRegionFailed } from '../core/manifest/mark-failed-region.js';
import { actorOf, isPromoted, promotionTarget, type ReplicaPromotion } from '../core/dr/promote-replica.js';
import { definedOrThrow } from '../core/lookup.js';
import { promoteReplica } from './promote-replica.js';
import { mergeResults } from '../core/merge-results.js';
import { recoverySeconds } from '../core/render/timeline.js';
import { readResultFile } from '../adapters/result-file-store.js';
import type { DrillFindings, EngineCommand, ReadinessEntry, RunResult } from '../core/run-result.js';
import { reverseDag, type Dag } from '../core/schedule/dag.js';
import { selectInstances } from '../core/selection/select-instances.js';
import { runEngine } from '../engine/run-engine.js';
import { setUpEngine, type EngineAdapters, type EngineSettings, type EngineSetup } from './engine-setup.js';
import { steadyStateContext } from './execute-run.js';
import { holdDeploys } from './deploy-hold.js';
import { writeFailoverRecord, type RecordContext } from './failover-record.js';
import { checkReplicas, type ReplicaStateContext } from './replica-states.js';
import { primaryRegionOf } from '../core/manifest/primary-region.js';
import { hooksOfRun } from './run-hooks.js';
import { checkAgainstPreview, readPreview, recordPreview, type Move } from './reviewed-failover.js';

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
  /** Write the deploy hold (a pending record in `to`) before planning: app/deploy-hold.ts. */
  holdDeploys?: boolean | undefined;
  /**
   * A drill compares each replicated state with the primary's, which it reads (default true). Off for the
   * reviewed plan of a real failover: the primary is down then, and nothing may touch it.
   */
  checkReplicas?: boolean | undefined;
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
  if (settings.holdDeploys) {
    await holdDeploys(recordContext(prepared), { mode: 'failover', from: plan.from, to: plan.to });
  }
  const recoveryPoints = new Map<string, unknown>();
  const move: Move = { mode: 'failover', from: plan.from, to: plan.to };
  const hooks = hooksOfRun(
    prepared,
    adapters.runner,
    { ...plan, manifest },
    { ...move, dryRun: settings.dryRun },
    ['before_failover', 'after_layer', 'after_failover'],
  );
  const engineRun = await runEngine({
    ...prepared.base,
    command: settings.dryRun ? 'plan' : 'apply',
    manifest: withPrimary(manifest, plan.to),
    graph: plan.graph,
    dag: plan.dag,
    contextOf: () => plan.context,
    readBackendOf: (id) => plan.replicaBackends.get(id),
    onOutputs: (id, values) => {
      if (RECOVERY_POINT_OUTPUT in values) recoveryPoints.set(id, values[RECOVERY_POINT_OUTPUT]);
    },
    ...(await reviewedApply(prepared, move)),
    hooks: hooks.hooks,
  });
  const { run, notes, deferred } = settings.dryRun
    ? await recordPreview(engineRun, move, prepared.workDirectory)
    : { run: engineRun, notes: [], deferred: new Map<string, string[]>() };
  const replicated = new Set(plan.replicaBackends.keys());
  const drill = settings.dryRun
    ? await drillFindings(settings, prepared, plan, run, recoveryPoints, deferred)
    : undefined;
  run.failover = {
    mode: 'failover',
    from: plan.from,
    to: plan.to,
    dryRun: settings.dryRun,
    recoverySeconds: settings.dryRun ? null : recoverySeconds(run),
    estimatedRecoverySeconds: drill?.findings.estimate.seconds ?? null,
    readiness: drill?.readiness ?? drillReadiness(run.instances, plan.graph, replicated, []),
    notes: [...plan.notes, ...notes, ...hooks.notes],
    ...(drill ? { drill: drill.findings } : {}),
  };
  // A drill that is not ready fails, though every plan may have succeeded (a stale replica, an old backup).
  if (drill && !drill.findings.ready) run.status = 'failed';
  if (!settings.dryRun && run.status === 'succeeded') {
    await writeFailoverRecord(recordContext(prepared), plan.to, {
      from: plan.from,
      to: plan.to,
      at: run.finishedAt ?? new Date().toISOString(),
    });
    const promotion = await promote(settings, prepared, plan, run);
    // A promotion that could not be completed leaves the manifest as it is: global and account state would
    // be looked for where it cannot be relied on. The failover, run again, promotes again.
    if (settings.writeManifest && (promotion === undefined || isPromoted(promotion))) {
      await writePrimary(settings, plan.to, { globalRegion: promotion?.to, failed: plan.from });
      if (promotion) promotion.manifestWritten = true;
    }
  }
  return run;
}

/**
 * After a failover of the global region: its replica becomes the home of global and account state
 * (core/dr/promote-replica.ts). Recorded in the failover's summary; a promotion with problems fails the run.
 */
async function promote(
  settings: FailoverSettings,
  prepared: Prepared,
  plan: FailoverPlan,
  run: RunResult,
): Promise<ReplicaPromotion | undefined> {
  const failover = definedOrThrow(run.failover, 'the failover summary');
  const narrowed = [settings.accounts, settings.environments, settings.layers].some(
    (filter) => filter !== undefined && filter.length > 0,
  );
  const target = promotionTarget(prepared.loaded.manifest, plan.from, narrowed);
  if (target.kind === 'stays') failover.notes.push(target.reason);
  if (target.kind !== 'promote') return undefined;
  const promotion = await promoteReplica(
    {
      ...stateReadContext(prepared, plan),
      manifest: prepared.loaded.manifest,
      failoverStartedAt: new Date(run.startedAt),
      actor: actorOf(settings.env),
      now: prepared.base.now ?? (() => new Date()),
    },
    target,
  );
  failover.promotion = promotion;
  if (!isPromoted(promotion)) run.status = 'failed';
  return promotion;
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
  if (settings.holdDeploys) {
    await holdDeploys(recordContext(prepared), { mode: 'failback', from: demoted, to: settings.to });
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
  const move: Move = { mode: 'failback', from: demoted, to: settings.to };
  const reviewed = await reviewedApply(prepared, move);
  // A dry run plans each stage as it would run (the retired copies with destroy plans), so that applying its
  // saved plans later does exactly what was reviewed.
  const stages: [EngineCommand, Dag][] = [
    ['apply', promote],
    ['destroy', reverseDag(retire)],
    ['apply', keep],
  ];
  const runs: RunResult[] = [];
  const hookNotes: string[] = [];
  const lastStage = stages.findLastIndex(([, dag]) => dag.ids.length > 0);
  for (const [index, [stageCommand, dag]] of stages.entries()) {
    if (dag.ids.length === 0) continue;
    // after_layer hooks follow the returning region's instances (the first stage); after_failback, the last.
    const points = [
      ...(index === 0 ? ['after_layer' as const] : []),
      ...(index === lastStage ? ['after_failback' as const] : []),
    ];
    const hooks = hooksOfRun(
      prepared,
      adapters.runner,
      { manifest: after, graph, dag },
      { ...move, dryRun: settings.dryRun },
      points,
    );
    hookNotes.push(...hooks.notes);
    const run = await runEngine({
      ...prepared.base,
      command: stageCommand,
      planOnly: settings.dryRun,
      manifest: after,
      graph,
      dag,
      contextOf,
      ...reviewed,
      hooks: hooks.hooks,
    });
    runs.push(run);
    if (run.status !== 'succeeded') break;
  }
  if (runs.length === 0) throw new UsageError(`Nothing to fail back to ${settings.to} with this selection`);
  const merged = mergeResults(runs);
  const { run, notes } = settings.dryRun
    ? await recordPreview(merged, move, prepared.workDirectory)
    : { run: merged, notes: [] };
  // A dry run planned every stage, its destroys too: its result says so, whatever the stages' commands.
  if (settings.dryRun) run.command = 'plan';
  run.failover = {
    mode: 'failback',
    from: demoted,
    to: settings.to,
    dryRun: settings.dryRun,
    recoverySeconds: settings.dryRun ? null : recoverySeconds(run),
    estimatedRecoverySeconds: null,
    readiness: [],
    notes: [...notes, ...hookNotes],
  };
  if (!settings.dryRun && run.status === 'succeeded') {
    await writeFailoverRecord(recordContext(prepared), demoted, null);
    // The failback's own hold, when it wrote one.
    if (settings.to !== demoted) await writeFailoverRecord(recordContext(prepared), settings.to, null);
    if (settings.writeManifest)
      await writePrimary(settings, settings.to, { recovered: [settings.to, demoted] });
  }
  return run;
}

/**
 * Applying saved plans (`planDirectory`) of a move: each saved plan whose inputs are unchanged is applied as
 * saved; any other is planned afresh and applied when it destroys and replaces nothing the approved preview
 * did not show. Messages name the move's own dry run, never `strata plan`.
 */
async function reviewedApply(prepared: Prepared, move: Move) {
  const planDirectory = prepared.base.planDirectory;
  if (planDirectory === undefined) return {};
  const preview = await readPreview(planDirectory, move);
  return { freshPlanCheck: checkAgainstPreview(preview, move) };
}

/** What reading states outside the engine needs (replica checks, the promotion), over the failover's graph. */
function stateReadContext(prepared: Prepared, plan: FailoverPlan): ReplicaStateContext {
  return {
    graph: plan.graph,
    manifestDirectory: prepared.loaded.directory,
    terraform: prepared.terraform,
    workDirectory: prepared.workDirectory,
    signal: prepared.base.signal,
    timeoutMs: prepared.base.commandTimeoutMs,
  };
}

function recordContext(prepared: Prepared): RecordContext {
  return {
    manifest: prepared.loaded.manifest,
    manifestDirectory: prepared.loaded.directory,
    terraform: prepared.terraform,
    logDirectory: prepared.workDirectory,
  };
}

/**
 * Writes the new roles into the manifest file, editing only those values (comments and layout stay): after a
 * failover the failed region marked `failed` and, when the replica was promoted, `backend.global_region`;
 * after a failback the marks of both its regions removed (both run in steady state again).
 */
async function writePrimary(
  settings: FailoverSettings,
  primary: string,
  changes: { globalRegion?: string | undefined; failed?: string; recovered?: readonly string[] },
) {
  const file = path.resolve(settings.cwd, settings.manifestFile);
  let text = setPrimaryRegion(await readFile(file, 'utf8'), primary);
  for (const region of changes.recovered ?? []) text = markRegionFailed(text, region, false);
  if (changes.failed !== undefined) text = markRegionFailed(text, changes.failed, true);
  if (changes.globalRegion !== undefined) text = setGlobalRegion(text, changes.globalRegion);
  await writeFile(file, text);
}

/**
 * What a drill finds besides its plans: every replicated state compared with the primary's (the primary is up
 * in a drill), the published recovery points against `dr.rpo`, the recovery time from the last failover.
 */
async function drillFindings(
  settings: FailoverSettings,
  prepared: Prepared,
  plan: FailoverPlan,
  run: RunResult,
  recoveryPoints: ReadonlyMap<string, unknown>,
  deferred: ReadonlyMap<string, readonly string[]>,
): Promise<{ findings: DrillFindings; readiness: ReadinessEntry[] }> {
  const { manifest } = prepared.loaded;
  // Empty without backend.replicas: planFailover refuses a failover that would need one.
  const replicaRegion = manifest.backend.replicas[plan.from] ?? plan.to;
  const checked = settings.checkReplicas !== false;
  const replicas = !checked
    ? []
    : await checkReplicas(stateReadContext(prepared, plan), plan.replicaBackends, {
        primary: plan.from,
        replica: replicaRegion,
      });
  const readiness = drillReadiness(
    run.instances,
    plan.graph,
    new Set(plan.replicaBackends.keys()),
    replicas,
    deferred,
  );
  const now = prepared.base.now ?? (() => new Date());
  const recoveryPoint = checkRecoveryPoints(recoveryPoints, manifest.recoveryPointObjective, now());
  const history = settings.history
    ? await readHistory(path.resolve(settings.cwd, settings.history))
    : undefined;
  const ready =
    readiness.every(isReady) &&
    replicas.every((check) => check.status === 'fresh') &&
    recoveryPoint.problem === null &&
    recoveryPoint.checks.every((check) => check.problem === null);
  return {
    readiness,
    findings: {
      ready,
      replicasChecked: checked,
      replicas,
      recoveryPoint,
      estimate: estimateRecovery(plan.dag, run, history),
    },
  };
}

/** The last failover's result file (`history`), whose durations estimate a drill's recovery time. */
function readHistory(file: string): Promise<RunResult> {
  return readResultFile(
    file,
    file,
    (message) => new UsageError((name) => `${name('history')}: cannot read '${file}': ${message}`),
  );
}
