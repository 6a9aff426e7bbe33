import path from 'node:path';
import { drillReadiness, isReady } from '../../core/dr/drill-readiness.js';
import type { FailoverPlan } from '../../core/dr/plan-failover.js';
import { estimateRecovery } from '../../core/dr/recovery-estimate.js';
import { checkRecoveryPoints } from '../../core/dr/recovery-point.js';
import type { RunResult } from '../../core/run-result.js';
import type { DrillFindings, ReadinessEntry } from '../../core/dr/failover-result.js';
import { readHistory } from './drill-history.js';
import { failoverHooks } from './failover-hooks.js';
import { stateReadContext } from './failover-state-read-context.js';
import type { FailoverSettings, Prepared } from './region-move.js';
import { checkReplicas } from './replica-states.js';

/**
 * What a drill finds besides its plans: every replicated state compared with the primary's (the primary is up
 * in a drill), the published recovery points against `dr.rpo`, the recovery time from the last failover.
 */
export async function drillFindings(
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
