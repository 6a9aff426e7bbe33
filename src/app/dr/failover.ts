import { drillReadiness } from '../../core/dr/drill-readiness.js';
import { planFailover, type FailoverPlan } from '../../core/dr/plan-failover.js';
import { collectRecoveryPoint, restoredBy, restoringContexts } from '../../core/dr/restored-context.js';
import {
  actorOf,
  isPromoted,
  promotionTarget,
  type ReplicaPromotion,
} from '../../core/dr/promote-replica.js';
import { definedOrThrow } from '../../core/lookup.js';
import { promoteReplica } from './promote-replica.js';
import { recoverySeconds } from '../../core/render/timeline.js';
import type { RunResult } from '../../core/run-result.js';
import { runEngine } from '../../engine/run-engine.js';
import type { EngineAdapters } from '../engine-setup.js';
import { holdDeploys } from './deploy-hold.js';
import { readFailoverRecord, writeFailoverRecord } from './failover-record.js';
import { recordToReplace } from '../../core/dr/record-scope.js';
import { drillFindings } from './drill-findings.js';
import { FAILOVER_HOOK_POINTS } from './failover-hooks.js';
import { stateReadContext } from './failover-state-read-context.js';
import { hooksOfRun } from './run-hooks.js';
import { recordPreview, type Move } from './reviewed-failover.js';
import { executeFailback } from './failback.js';
import {
  prepare,
  recordContext,
  reviewedApply,
  succeededIds,
  writePrimary,
  writeRecords,
  type FailoverSettings,
  type Prepared,
} from './region-move.js';

export type { FailoverSettings } from './region-move.js';

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
