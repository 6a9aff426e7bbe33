import type { HookPoint, Manifest } from '../../core/manifest/types.js';
import { scheduleHooks, type HookTask } from '../../core/dr/hooks.js';
import type { FailoverPlan } from '../../core/dr/plan-failover.js';

/** The hook points of a failover (a failback has its own: after_layer and after_failback). */
export const FAILOVER_HOOK_POINTS: readonly HookPoint[] = [
  'before_failover',
  'after_layer',
  'after_failover',
];

/** Every hook the real failover the drill rehearses would run, where it would run (drill_safe or not). */
export function failoverHooks(manifest: Manifest, plan: FailoverPlan): HookTask[] {
  const move = { mode: 'failover' as const, from: plan.from, to: plan.to, dryRun: false };
  return scheduleHooks(manifest, plan.graph, plan.dag, move, FAILOVER_HOOK_POINTS).tasks;
}
