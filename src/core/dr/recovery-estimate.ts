import { durationOf, type RunResult } from '../run-result.js';
import { remainingPathLengths } from '../schedule/critical-path.js';
import type { Dag } from '../schedule/dag.js';

export interface RecoveryEstimate {
  seconds: number;
  /** Where the durations came from, in words. */
  basis: string;
  /** What the estimate does not count: the operator adds these. */
  leavesOut: string[];
}

/** What neither a drill nor a recorded failover measures. */
export const ESTIMATE_LEAVES_OUT: readonly string[] = [
  'noticing the outage and deciding to fail over',
  'the wait for approval between the reviewed plan and the apply',
  "DNS TTL: clients keep the failed region's records until their cache expires",
  'restoring data beyond what the layers apply (a restore the code waits for is counted)',
];

/**
 * The recovery time a drill expects: the critical path of the failover set, each instance costing its
 * duration in the recorded failover (`recorded`, the last failover's result) when it has one, else its plan
 * time in this drill, which leaves out every apply.
 */
export function estimateRecovery(
  dag: Dag,
  drill: RunResult,
  recorded: RunResult | undefined,
): RecoveryEstimate {
  const durations = new Map(drill.instances.map((instance) => [instance.id, durationOf(instance) ?? 0]));
  let fromHistory = 0;
  for (const instance of recorded?.instances ?? []) {
    const duration = durationOf(instance);
    if (durations.has(instance.id) && duration !== null) {
      durations.set(instance.id, duration);
      fromHistory++;
    }
  }
  const lengths = remainingPathLengths(dag, (id) => durations.get(id) ?? 0);
  const seconds = Math.round(Math.max(0, ...lengths.values()) / 100) / 10;
  const total = dag.ids.length;
  let basis: string;
  if (recorded === undefined) {
    basis = `this drill's plan times only, without any apply: give it the last failover's result (history) for real durations`;
  } else if (fromHistory === total) {
    basis = `the durations of the failover recorded at ${recorded.startedAt}`;
  } else {
    basis = `the durations of the failover recorded at ${recorded.startedAt} for ${fromHistory} of ${total} instances; the other ${total - fromHistory} count their plan time in this drill, without their apply`;
  }
  return { seconds, basis, leavesOut: [...ESTIMATE_LEAVES_OUT] };
}
