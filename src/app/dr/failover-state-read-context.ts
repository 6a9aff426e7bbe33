import type { FailoverPlan } from '../../core/dr/plan-failover.js';
import type { Prepared } from './region-move.js';
import type { ReplicaStateContext } from './replica-states.js';

/** What reading states outside the engine needs (replica checks, the promotion), over the failover's graph. */
export function stateReadContext(prepared: Prepared, plan: FailoverPlan): ReplicaStateContext {
  return {
    graph: plan.graph,
    manifestDirectory: prepared.loaded.directory,
    terraform: prepared.terraform,
    workDirectory: prepared.workDirectory,
    signal: prepared.base.signal,
    timeoutMs: prepared.base.commandTimeoutMs,
  };
}
