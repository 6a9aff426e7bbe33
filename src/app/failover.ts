import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadManifest, type LoadedManifest } from '../adapters/load-manifest.js';
import { drillReadiness, isReady } from '../core/dr/drill-readiness.js';
import { planFailover, type FailoverPlan } from '../core/dr/plan-failover.js';
import { currentPrimaryOf, movePrimary, scopeOf, type MoveScope } from '../core/dr/failover-scope.js';
import { setScopePrimary } from '../core/manifest/set-scope-primary.js';
import type { HookPoint, Manifest } from '../core/manifest/types.js';
import { scheduleHooks, type HookTask } from '../core/dr/hooks.js';
import { estimateRecovery } from '../core/dr/recovery-estimate.js';
import { checkRecoveryPoints } from '../core/dr/recovery-point.js';
import { collectRecoveryPoint, restoredBy, restoringContexts } from '../core/dr/restored-context.js';
import { steadyStateIds, steadyStateRoles } from '../core/dr/steady-state.js';
import {
  dependentsToReapply,
  isVerified,
  NOT_REQUIRED,
  retireGuard,
  verifyRecoveryPoint,
  type FailbackPhase,
  type FailbackPhaseName,
} from '../core/dr/failback.js';
import { failedRegions } from '../core/dr/failed-regions.js';
import { UsageError } from '../core/errors.js';
import { expandManifest } from '../core/graph/expand-manifest.js';
import type { Instance } from '../core/graph/types.js';
import { setPrimaryRegion } from '../core/manifest/swap-roles.js';
import { setGlobalRegion } from '../core/manifest/set-global-region.js';
import { markRegionFailed } from '../core/manifest/mark-failed-region.js';
import { actorOf, isPromoted, promotionTarget, type ReplicaPromotion } from '../core/dr/promote-replica.js';
import { definedOrThrow, getOrThrow } from '../core/lookup.js';
import { promoteReplica } from './promote-replica.js';
import { mergeResults } from '../core/merge-results.js';
import { recoverySeconds } from '../core/render/timeline.js';
import { readResultFile } from '../adapters/result-file-store.js';
import type { DrillFindings, EngineCommand, ReadinessEntry, RunResult } from '../core/run-result.js';
import { reverseDag, type Dag } from '../core/schedule/dag.js';
import { selectInstances } from '../core/selection/select-instances.js';
import { runEngine } from '../engine/run-engine.js';
import { setUpEngine, type EngineAdapters, type EngineSettings, type EngineSetup } from './engine-setup.js';
import { steadyStateContext } from './steady-state-context.js';
import { holdDeploys } from './deploy-hold.js';
import {
  readFailoverRecord,
  writeFailoverRecord,
  type FailoverRecord,
  type RecordWriteContext,
} from './failover-record.js';
import { phaseProgress } from './phase-progress.js';
import { recordLeftBehind, recordToReplace } from '../core/dr/record-scope.js';
import type { ClearedRecordLock } from '../core/dr/record-lock.js';
import { getErrorMessage } from '../core/errors.js';
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
  /**
   * A failback retires the region being left even though the returning region's recovery point is not shown
   * to be newer than the failover (the operator accepts losing the writes made since); the report says so.
   */
  ignoreRecoveryPoint?: boolean | undefined;
}

/** The hook points of a failover (a failback has its own: after_layer and after_failback). */
const FAILOVER_HOOK_POINTS: readonly HookPoint[] = ['before_failover', 'after_layer', 'after_failover'];

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
  const records = recordContext(prepared, settings);
  // What the record in `to` keeps of other moves when this one replaces it (or why it may not).
  const kept =
    !settings.dryRun || settings.holdDeploys
      ? recordToReplace(await readFailoverRecord(records, plan.to), plan.to, plan, (id) =>
          plan.graph.byId.get(id),
        )
      : {};
  const recordLocks = settings.holdDeploys
    ? await holdDeploys(records, { mode: 'failover', from: plan.from, to: plan.to, scope: plan.scope }, kept)
    : [];
  const recoveryPoints = new Map<string, unknown>();
  const restoring = restoringContexts(plan.graph, plan.from, recoveryPoints);
  const move: Move = { mode: 'failover', from: plan.from, to: plan.to };
  const hooks = hooksOfRun(
    prepared,
    adapters.runner,
    { ...plan, manifest },
    { ...move, dryRun: settings.dryRun },
    FAILOVER_HOOK_POINTS,
  );
  const engineRun = await runEngine({
    ...prepared.base,
    command: settings.dryRun ? 'plan' : 'apply',
    manifest: plan.manifest,
    graph: plan.graph,
    dag: plan.dag,
    contextOf: (instance) => ({ ...plan.context, ...restoring.contextOf(instance.id) }),
    readBackendOf: (id) => plan.replicaBackends.get(id),
    onOutputs: collectRecoveryPoint(recoveryPoints),
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
    notes: [...plan.notes, ...(records.notes ?? []), ...notes, ...hooks.notes],
    ...(drill ? { drill: drill.findings } : {}),
    ...(recordLocks.length > 0 ? { recordLocks } : {}),
  };
  // A drill that is not ready fails, though every plan may have succeeded (a stale replica, an old backup).
  if (drill && !drill.findings.ready) run.status = 'failed';
  const recorded =
    !settings.dryRun &&
    run.status === 'succeeded' &&
    (await writeRecords(run, [
      () =>
        writeFailoverRecord(records, plan.to, {
          from: plan.from,
          to: plan.to,
          at: run.finishedAt ?? new Date().toISOString(),
          restored: { ...kept, ...restoredBy(restoring.given, succeededIds(run)) },
          scope: plan.scope,
        }),
    ]));
  if (recorded) {
    const promotion = await promote(settings, prepared, plan, run);
    // A promotion that could not be completed leaves the manifest as it is: global and account state would
    // be looked for where it cannot be relied on. The failover, run again, promotes again.
    if (settings.writeManifest && (promotion === undefined || isPromoted(promotion))) {
      await writePrimary(settings, manifest, plan.to, plan.scope, {
        globalRegion: promotion?.to,
        // A failover of some accounts or environments leaves the region in use by the rest of the estate.
        failed: plan.scope.length === 0 ? plan.from : undefined,
      });
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
 * `strata failback --to REGION`: REGION is back; the mirror of a failover, in phases (core/dr/failback.ts).
 * Promote: REGION's layers applied as primary with the failover context pointing back (`failover`, the region
 * being left as `failed_region`), so their code restores from the snapshots replicated back. Verify: before
 * anything is retired, REGION's recovery point must be newer than the moment traffic moved away from it (the
 * failover record's time), or the failback stops and says what is missing. Retire and demote: the region being
 * left returns to its steady state (the copies backup_restore does not keep destroyed, the rest re-applied as
 * secondary). Reapply: whatever the demotion changed the inputs of. The service stays up throughout. The
 * record in REGION then keeps what the promote phase restored, for the context of later runs; the other is
 * cleared, or keeps only what other scopes' failbacks restored there (recordLeftBehind).
 */
async function executeFailback(settings: FailoverSettings, adapters: EngineAdapters): Promise<RunResult> {
  const prepared = await prepare(settings, adapters);
  const { manifest } = prepared.loaded;
  const scope = scopeOf(manifest, settings);
  const current = currentPrimaryOf(manifest, scope, undefined);
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
  const records = recordContext(prepared, settings);
  // Each record read once, before the hold below replaces the one in `to`; `to`'s only for the scope check.
  const checksScope = !settings.dryRun || settings.holdDeploys === true;
  const recordOf = await readRecords(records, checksScope ? [demoted, settings.to] : [demoted]);
  const moved = dataMovesBack(manifest, recordOf(demoted), demoted, settings.to);
  // What the record in `to` keeps of other moves when this one replaces it (or why it may not).
  const after = movePrimary(manifest, settings.to, scope);
  const graph = expandManifest({ manifest: after, locations: prepared.loaded.locations });
  const instanceOf = (id: string) => graph.byId.get(id);
  const kept = checksScope
    ? recordToReplace(recordOf(settings.to), settings.to, { scope, from: demoted }, instanceOf)
    : {};
  // What the failback leaves of the record in the region being left (the context of other scopes' failbacks).
  const left = checksScope ? recordLeftBehind(recordOf(demoted), demoted, scope, instanceOf) : undefined;
  const recordLocks = settings.holdDeploys
    ? await holdDeploys(records, { mode: 'failback', from: demoted, to: settings.to, scope }, kept)
    : [];
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
  const select = (within: ReadonlySet<string>) => selectInstances(graph, { ...filter, within });
  const promote = select(inRegion(settings.to, isKept));
  const retire = select(inRegion(demoted, (i) => !isKept(i)));
  const keep = select(inRegion(demoted, isKept));
  const changedByDemotion = dependentsToReapply(
    graph,
    new Set([...retire.ids, ...keep.ids]),
    steadyStateIds(graph, after),
  );
  // A dry run cannot plan the promote phase's instances a second time before the demotion has happened: the
  // failback plans them afresh then (and the preview check holds them to what the dry run showed).
  const promoted = new Set(promote.ids);
  const reapply = select(
    settings.dryRun ? new Set([...changedByDemotion].filter((id) => !promoted.has(id))) : changedByDemotion,
  );

  const recoveryPoints = new Map<string, unknown>();
  const restoring = restoringContexts(graph, demoted, recoveryPoints);
  const steadyContext = steadyStateContext(after);
  const contextOf = (instance: Instance) =>
    promoted.has(instance.id)
      ? { ...steadyContext(instance), ...restoring.contextOf(instance.id) }
      : steadyContext(instance);
  const move: Move = { mode: 'failback', from: demoted, to: settings.to };
  const reviewed = await reviewedApply(prepared, move);
  const command = (engineCommand: EngineCommand): EngineCommand | 'plan' =>
    settings.dryRun ? 'plan' : engineCommand;
  // A dry run plans each stage as it would run (the retired copies with destroy plans), so that applying its
  // saved plans later does exactly what was reviewed.
  const stages: { name: Exclude<FailbackPhaseName, 'verify'>; command: EngineCommand; dag: Dag }[] = [
    { name: 'promote', command: 'apply', dag: promote },
    { name: 'retire', command: 'destroy', dag: reverseDag(retire) },
    { name: 'demote', command: 'apply', dag: keep },
    { name: 'reapply', command: 'apply', dag: reapply },
  ];
  const progress = phaseProgress(
    prepared.base.reporter,
    stages.map((stage) => ({ name: stage.name, ids: stage.dag.ids })),
    graph,
  );
  const runs: RunResult[] = [];
  const phases: FailbackPhase[] = [];
  let verification = NOT_REQUIRED;
  let stopped = false;
  const hookNotes: string[] = [];
  const lastStage = stages.findLastIndex((stage) => stage.dag.ids.length > 0);
  for (const [index, stage] of stages.entries()) {
    if (stage.name === 'retire') {
      // Only the returning region's own recovery points: the promote phase also reads the other's outputs.
      const returning = new Map([...recoveryPoints].filter(([id]) => promoted.has(id)));
      verification = moved.required
        ? verifyRecoveryPoint(
            returning,
            { from: demoted, to: settings.to, at: moved.at },
            settings.ignoreRecoveryPoint === true,
          )
        : NOT_REQUIRED;
      const verified = isVerified(verification);
      phases.push({
        name: 'verify',
        command: 'check',
        instances: [...returning.keys()].sort(),
        status: stopped ? 'not-run' : verified ? 'succeeded' : 'failed',
        ...(settings.dryRun && moved.required ? { advisory: true } : {}),
      });
      // A dry run goes on: its promote phase read the recovery points its state held before this failback's
      // apply, so the failback itself checks again.
      if (!verified && !settings.dryRun) stopped = true;
    }
    if (stage.dag.ids.length === 0) continue;
    if (stopped) {
      phases.push({
        name: stage.name,
        command: command(stage.command),
        instances: [...stage.dag.ids],
        status: 'not-run',
      });
      continue;
    }
    // after_layer hooks follow the returning region's instances (the promote phase); after_failback, the last.
    const points = [
      ...(stage.name === 'promote' ? ['after_layer' as const] : []),
      ...(index === lastStage ? ['after_failback' as const] : []),
    ];
    const hooks = hooksOfRun(
      prepared,
      adapters.runner,
      { manifest: after, graph, dag: stage.dag },
      { ...move, dryRun: settings.dryRun },
      points,
    );
    hookNotes.push(...hooks.notes);
    const run = await runEngine({
      ...prepared.base,
      reporter: progress.reporterFor(stage.name),
      command: stage.command,
      planOnly: settings.dryRun,
      manifest: after,
      graph,
      dag: stage.dag,
      contextOf,
      ...(stage.name === 'promote' ? { onOutputs: collectRecoveryPoint(recoveryPoints) } : {}),
      // A dry run's verify is advisory (the real failback checks again), so only the real retire is held to it.
      ...(stage.name === 'retire' && !settings.dryRun && prepared.base.planGuard
        ? { planGuard: retireGuard(prepared.base.planGuard, verification) }
        : {}),
      ...reviewed,
      hooks: hooks.hooks,
    });
    progress.finished(run);
    runs.push(run);
    const status = run.status === 'running' ? 'failed' : run.status;
    phases.push({ name: stage.name, command: command(stage.command), instances: [...stage.dag.ids], status });
    // A real failback stops at a failed phase; a dry run plans them all, so the preview shows every one.
    if (status !== 'succeeded' && !settings.dryRun) stopped = true;
  }
  if (runs.length === 0) throw new UsageError(`Nothing to fail back to ${settings.to} with this selection`);
  const merged = mergeResults(runs);
  const { run, notes } = settings.dryRun
    ? await recordPreview(merged, move, prepared.workDirectory)
    : { run: merged, notes: [] };
  // A dry run planned every stage, its destroys too: its result says so, whatever the stages' commands.
  if (settings.dryRun) run.command = 'plan';
  const verified = isVerified(verification);
  if (!verified && !settings.dryRun) run.status = 'failed';
  const replanned = [...changedByDemotion].filter((id) => promoted.has(id));
  run.failover = {
    mode: 'failback',
    from: demoted,
    to: settings.to,
    dryRun: settings.dryRun,
    recoverySeconds: settings.dryRun ? null : recoverySeconds(run),
    estimatedRecoverySeconds: null,
    readiness: [],
    notes: [
      ...(records.notes ?? []),
      ...notes,
      ...hookNotes,
      ...(settings.dryRun && replanned.length > 0
        ? [
            `After the demotion the failback plans and applies again what it changes the inputs of, planned here in the promote phase: ${replanned.sort().join(', ')}`,
          ]
        : []),
    ],
    failback: { phases, verification },
    ...(recordLocks.length > 0 ? { recordLocks } : {}),
  };
  const recorded =
    !settings.dryRun &&
    run.status === 'succeeded' &&
    (await writeRecords(run, [
      ...(left?.kind === 'write' ? [() => writeFailoverRecord(records, demoted, left.record)] : []),
      // The failback's own record (replacing its hold, when it wrote one): what its promote phase restored.
      ...(settings.to === demoted
        ? []
        : [
            () =>
              writeFailoverRecord(records, settings.to, {
                mode: 'failback',
                from: demoted,
                to: settings.to,
                at: run.finishedAt ?? new Date().toISOString(),
                restored: { ...kept, ...restoredBy(restoring.given, succeededIds(run)) },
                scope,
              }),
          ]),
    ]));
  if (recorded) {
    if (settings.writeManifest) {
      await writePrimary(settings, manifest, settings.to, scope, {
        recovered: scope.length === 0 ? [settings.to, demoted] : [],
      });
    }
  }
  return run;
}

/**
 * Whether the failback moves the data back: when the region being left holds a failover to it in effect,
 * traffic moved there at the record's time, and the returning region's recovery point must be newer. When
 * the manifest already has the returning region as primary, or marks the region being left failed, the
 * returning region held the service (a failback that stays there): nothing to check. Otherwise nothing says
 * when traffic moved, and the check cannot pass without the override.
 */
function dataMovesBack(
  manifest: Manifest,
  record: FailoverRecord | null,
  demoted: string,
  to: string,
): { required: boolean; at: string | null } {
  if (
    record &&
    record.status !== 'pending' &&
    (record.mode ?? 'failover') === 'failover' &&
    record.to === demoted
  )
    return { required: true, at: record.at };
  const heldByReturning = primaryRegionOf(manifest) === to || failedRegions(manifest).has(demoted);
  return { required: !heldByReturning, at: null };
}

/** The ids of a run's instances that succeeded. */
function succeededIds(run: RunResult): string[] {
  return run.instances.filter((instance) => instance.status === 'succeeded').map((instance) => instance.id);
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
  return { freshPlanCheck: checkAgainstPreview(preview, move, prepared.base.wording.command) };
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

function recordContext(prepared: Prepared, settings: FailoverSettings): RecordWriteContext {
  return {
    manifest: prepared.loaded.manifest,
    manifestDirectory: prepared.loaded.directory,
    terraform: prepared.terraform,
    logDirectory: prepared.workDirectory,
    actor: actorOf(settings.env),
    now: prepared.base.now ?? (() => new Date()),
    // What reading the records ignored (a legacy copy replicated from another region), for the report.
    notes: [],
  };
}

/** The records of `regions`, each read once (together: each in a directory of its own). */
async function readRecords(
  context: RecordWriteContext,
  regions: readonly string[],
): Promise<(region: string) => FailoverRecord | null> {
  const read = new Map(
    await Promise.all(
      [...new Set(regions)].map(
        async (region) => [region, await readFailoverRecord(context, region)] as const,
      ),
    ),
  );
  return (region) => getOrThrow(read, region, 'failover record read');
}

/**
 * Writes a move's records, in order, once its run succeeded. A failure to write one fails the run with a note
 * that says what, where and how to go on (what the run applied stays applied); the replicated locks cleared on
 * the way join the report's audit. Whether every record was written.
 */
async function writeRecords(
  run: RunResult,
  writes: readonly (() => Promise<ClearedRecordLock[]>)[],
): Promise<boolean> {
  const failover = definedOrThrow(run.failover, 'the failover summary');
  const audit = (cleared: readonly ClearedRecordLock[]) => {
    if (cleared.length > 0) failover.recordLocks = [...(failover.recordLocks ?? []), ...cleared];
  };
  try {
    for (const write of writes) audit(await write());
    return true;
  } catch (error) {
    run.status = 'failed';
    failover.notes.push(
      `The ${failover.mode} applied, but its failover record could not be written, and the manifest was not changed: ${getErrorMessage(error)}`,
    );
    return false;
  }
}

/**
 * Writes the new roles into the manifest file, editing only those values (comments and layout stay): after a
 * failover the failed region marked `failed` and, when the replica was promoted, `backend.global_region`;
 * after a failback the marks of both its regions removed (both run in steady state again).
 */
async function writePrimary(
  settings: FailoverSettings,
  manifest: Manifest,
  primary: string,
  scope: MoveScope,
  changes: { globalRegion?: string | undefined; failed?: string | undefined; recovered?: readonly string[] },
) {
  const file = path.resolve(settings.cwd, settings.manifestFile);
  const before = await readFile(file, 'utf8');
  // An account or environment back in the region roles' primary follows the roles again.
  const scopePrimary = primary === primaryRegionOf(manifest) ? null : primary;
  let text =
    scope.length === 0 ? setPrimaryRegion(before, primary) : setScopePrimary(before, scope, scopePrimary);
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
      estimate: estimateRecovery(plan.dag, run, history, failoverHooks(manifest, plan)),
    },
  };
}

/** Every hook the real failover the drill rehearses would run, where it would run (drill_safe or not). */
function failoverHooks(manifest: Manifest, plan: FailoverPlan): HookTask[] {
  const move = { mode: 'failover' as const, from: plan.from, to: plan.to, dryRun: false };
  return scheduleHooks(manifest, plan.graph, plan.dag, move, FAILOVER_HOOK_POINTS).tasks;
}

/** The last failover's result file (`history`), whose durations estimate a drill's recovery time. */
function readHistory(file: string): Promise<RunResult> {
  return readResultFile(
    file,
    file,
    (message) => new UsageError((name) => `${name('history')}: cannot read '${file}': ${message}`),
  );
}
