/** `strata failback`: the region a failover left is back, and the service returns to it, in phases. */
import { currentPrimaryOf, movePrimary, scopeOf } from '../../core/dr/failover-scope.js';
import type { Manifest } from '../../core/manifest/types.js';
import { collectRecoveryPoint, restoredBy, restoringContexts } from '../../core/dr/restored-context.js';
import { steadyStateIds, steadyStateRoles } from '../../core/dr/steady-state.js';
import {
  dependentsToReapply,
  isVerified,
  NOT_REQUIRED,
  retireGuard,
  verifyRecoveryPoint,
  type FailbackPhase,
  type FailbackPhaseName,
} from '../../core/dr/failback.js';
import { failedRegions } from '../../core/dr/failed-regions.js';
import { UsageError } from '../../core/errors.js';
import { checkRegionDeclared } from '../../core/manifest/check-region.js';
import { expandManifest } from '../../core/graph/expand-manifest.js';
import type { Instance } from '../../core/graph/types.js';
import { mergeResults } from '../../core/merge-results.js';
import { recoverySeconds } from '../../core/render/timeline.js';
import type { EngineCommand, RunResult } from '../../core/run-result.js';
import { reverseDag, type Dag } from '../../core/schedule/dag.js';
import { selectInstances } from '../../core/selection/select-instances.js';
import { runEngine } from '../../engine/run-engine.js';
import type { EngineAdapters } from '../engine-setup.js';
import { steadyStateContext } from '../steady-state-context.js';
import { holdDeploys } from './deploy-hold.js';
import { writeFailoverRecord } from './failover-record.js';
import type { FailoverRecord } from '../../core/dr/failover-record-format.js';
import { phaseProgress } from './phase-progress.js';
import { recordLeftBehind, recordToReplace } from '../../core/dr/record-scope.js';
import { primaryRegionOf } from '../../core/manifest/primary-region.js';
import { hooksOfRun } from './run-hooks.js';
import { recordPreview, type Move } from './reviewed-failover.js';
import {
  type FailoverSettings,
  prepare,
  readRecords,
  recordContext,
  reviewedApply,
  succeededIds,
  writePrimary,
  writeRecords,
} from './region-move.js';

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
export async function executeFailback(
  settings: FailoverSettings,
  adapters: EngineAdapters,
): Promise<RunResult> {
  const prepared = await prepare(settings, adapters);
  const { manifest } = prepared.loaded;
  const scope = scopeOf(manifest, settings);
  const current = currentPrimaryOf(manifest, scope, undefined);
  checkRegionDeclared(manifest, settings.to, 'to');
  const demoted = settings.from ?? current;
  if (settings.to === demoted && !settings.force) {
    throw new UsageError(
      (name) =>
        `The manifest already names ${settings.to} as primary: give ${name('from')} the region that took over during the failover, or use ${name('force')}`,
    );
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
