import { durationOf, type HookResult, type RunResult } from '../run-result.js';
import { remainingPathLengths } from '../schedule/critical-path.js';
import type { Dag } from '../schedule/dag.js';
import { dagWithHooks, type HookTask } from './hooks.js';

/** How one hook of the failover is counted in a drill's estimate. */
export interface HookEstimate {
  /** The hook task's id (`hook:<name>`, or `hook:<name>:<instance>` for an after_layer hook). */
  id: string;
  name: string;
  /** The instance it follows (after_layer), or null. */
  instance: string | null;
  seconds: number;
  /** `drill`: measured in this drill; `history`: in the recorded failover; `timeout`: its timeout, an upper bound. */
  source: 'drill' | 'history' | 'timeout';
  /** The source in words, for the report. */
  basis: string;
}

export interface RecoveryEstimate {
  seconds: number;
  /** Where the durations came from, in words. */
  basis: string;
  /** What the estimate does not count: the operator adds these. */
  leavesOut: string[];
  /** Every hook the failover runs, and what it was counted as (absent from results written before hooks were). */
  hooks?: HookEstimate[];
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
 * time in this drill, which leaves out every apply. The failover's DR hooks (`hooks`: every one a real failover
 * runs, where it runs) are on the path too, each costing its duration in this drill when it ran and succeeded
 * here (drill_safe), else its duration in the recorded failover, else its timeout, an upper bound.
 */
export function estimateRecovery(
  dag: Dag,
  drill: RunResult,
  recorded: RunResult | undefined,
  hooks: readonly HookTask[] = [],
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
  const hookEstimates = hooks.map((task) => estimateHook(task, drill, recorded));
  for (const [index, task] of hooks.entries())
    durations.set(task.id, (hookEstimates[index]?.seconds ?? 0) * 1000);
  const lengths = remainingPathLengths(dagWithHooks(dag, hooks), (id) => durations.get(id) ?? 0);
  const seconds = Math.round(Math.max(0, ...lengths.values()) / 100) / 10;
  const total = dag.ids.length;
  let basis: string;
  if (recorded === undefined) {
    basis = `this dry run's plan times only, without any apply: give it the last failover's result (history) for real durations`;
  } else if (fromHistory === total) {
    basis = `the durations of the failover recorded at ${recorded.startedAt}`;
  } else {
    basis = `the durations of the failover recorded at ${recorded.startedAt} for ${fromHistory} of ${total} instances; the other ${total - fromHistory} count their plan time in this dry run, without their apply`;
  }
  return {
    seconds,
    basis,
    leavesOut: [...ESTIMATE_LEAVES_OUT],
    ...(hooks.length > 0 ? { hooks: hookEstimates } : {}),
  };
}

/** A hook's measured duration in a run, when it ran there and succeeded. */
function measured(run: RunResult | undefined, id: string): number | null {
  const hook: HookResult | undefined = run?.hooks?.find((candidate) => candidate.id === id);
  return hook?.status === 'succeeded' && hook.durationMs !== null ? hook.durationMs : null;
}

function estimateHook(task: HookTask, drill: RunResult, recorded: RunResult | undefined): HookEstimate {
  const { id, hook, instance } = task;
  const counted = { id, name: hook.name, instance };
  const inDrill = measured(drill, id);
  if (inDrill !== null)
    return { ...counted, seconds: inDrill / 1000, source: 'drill', basis: 'measured in this drill' };
  const inHistory = recorded === undefined ? null : measured(recorded, id);
  if (recorded !== undefined && inHistory !== null) {
    return {
      ...counted,
      seconds: inHistory / 1000,
      source: 'history',
      basis: `measured in the failover recorded at ${recorded.startedAt}`,
    };
  }
  const why = hook.drillSafe ? 'it did not succeed in this drill' : 'not drill_safe, so not run in a drill';
  return {
    ...counted,
    seconds: hook.timeoutMs / 1000,
    source: 'timeout',
    basis: `its timeout, an upper bound: ${why}`,
  };
}
