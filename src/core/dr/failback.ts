import type { LayerGraph } from '../graph/types.js';
import { getOrThrow } from '../lookup.js';
import type { EngineCommand } from '../run-result.js';
import type { PlanGuard } from '../stateful-guard.js';
import { RECOVERY_POINT_OUTPUT } from './recovery-point.js';
import { recoveryPointTime } from './restored-context.js';

/**
 * A failback, the mirror of a failover, in the order it runs: promote (the returning region's instances
 * applied with the failover context pointing back, restoring from the snapshots replicated back), verify
 * (the returning region's recovery point is newer than the moment traffic left it), retire (destroy the
 * copies the steady state does not keep in the region being left), demote (re-apply the rest there as
 * secondary), reapply (every instance whose inputs the demotion changed, such as a fan-in over the regions).
 */
export const FAILBACK_PHASES = ['promote', 'verify', 'retire', 'demote', 'reapply'] as const;
export type FailbackPhaseName = (typeof FAILBACK_PHASES)[number];

export interface FailbackPhase {
  name: FailbackPhaseName;
  /** The Terraform command of its instances (`plan` in a dry run); `check` for verify, which runs none. */
  command: EngineCommand | 'check';
  instances: string[];
  /** `not-run`: a phase before it failed (a real failback stops there; a dry run plans every phase). */
  status: 'succeeded' | 'failed' | 'cancelled' | 'not-run';
  /**
   * A dry run's verify: it read the recovery points the returning region's state held before the promote
   * phase applied, so its status binds nothing; the real failback checks again after its promote phase.
   */
  advisory?: boolean;
}

/** The verify phase: is the data in the returning region newer than the moment traffic moved away from it? */
export interface RecoveryPointVerification {
  /**
   * False when the region made primary is the one that held the service during the outage (a failback that
   * stays there, retiring the other region): its data is the latest, there is nothing to check.
   */
  required: boolean;
  /** When traffic moved to the region being left: the time of the failover record there; null if none says. */
  movedAt: string | null;
  /** Each `strata_recovery_point` the promote phase read in the returning region. */
  checks: { id: string; value: string; problem: string | null }[];
  /** What is missing for the check as a whole (no record, nothing published), or null. */
  problem: string | null;
  /** The operator went on despite a problem (`--ignore-recovery-point`), and the report says so. */
  overridden: boolean;
}

export interface FailbackFindings {
  phases: FailbackPhase[];
  verification: RecoveryPointVerification;
}

/** Whether the verify phase found nothing missing (or had nothing to check), without any override. */
function hasPassed(verification: RecoveryPointVerification): boolean {
  const passed =
    verification.problem === null && verification.checks.every((check) => check.problem === null);
  return !verification.required || passed;
}

/** Whether the verify phase lets the failback retire anything. */
export function isVerified(verification: RecoveryPointVerification): boolean {
  return hasPassed(verification) || verification.overridden;
}

/**
 * The plan guard of the retire phase: the stateful guard, and besides, a stateful destroy that allow-destroy
 * names is refused while the recovery point check has not passed (it went on by the override only): the copy
 * being destroyed may then be the only one holding the writes made since the failover.
 */
export function retireGuard(guard: PlanGuard, verification: RecoveryPointVerification): PlanGuard {
  if (hasPassed(verification)) return guard;
  return (instance, changes) => {
    const verdict = guard(instance, changes);
    if (!verdict.accepted || verdict.allowed.length === 0) return verdict;
    const listed = verdict.allowed.map((change) => `${change.address} (${change.action})`).join(', ');
    return {
      accepted: false,
      reason: `refusing to retire ${instance.id}: layer '${instance.layer}' is stateful, and destroying what it holds (${listed}) needs the recovery point check to pass, which it did not (the failback went on by the override ignore-recovery-point): this copy may hold the only writes made since the failover. Replicate them to the returning region, publish a newer strata_recovery_point there, and fail back again without the override`,
    };
  };
}

/**
 * Checks the recovery points the promote phase read in `to` against `movedAt`, the failover to `from`: each
 * must be a time after it, or the snapshots replicated back miss the writes made in `from` since.
 */
export function verifyRecoveryPoint(
  published: ReadonlyMap<string, unknown>,
  moved: { from: string; to: string; at: string | null },
  overridden: boolean,
): RecoveryPointVerification {
  const { from, to, at } = moved;
  const movedAt = at === null ? null : recoveryPointTime(at);
  const checks = [...published.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, value]) => {
      const shown = typeof value === 'string' ? value : JSON.stringify(value);
      const point = recoveryPointTime(value);
      let problem: string | null = null;
      if (point === null) {
        problem = `output ${RECOVERY_POINT_OUTPUT} of ${id} is ${JSON.stringify(value)}, not an RFC 3339 time such as '2026-05-04T03:00:00Z'`;
      } else if (movedAt !== null && point <= movedAt) {
        problem = `the latest recovery point of ${id} (${shown}) is not newer than the failover to ${from} (${at ?? ''}): the snapshots in ${to} miss every write made in ${from} since; replicate ${from}'s backups to ${to} and take a new snapshot there`;
      }
      return { id, value: shown, problem };
    });
  let problem: string | null = null;
  if (movedAt === null) {
    problem = `no failover record in ${from} says when traffic moved there, so nothing shows that ${to}'s snapshots are newer: the record is written by a failover to ${from}`;
  } else if (checks.length === 0) {
    problem = `no instance of ${to} published ${RECOVERY_POINT_OUTPUT} in the promote phase: nothing shows that the snapshots replicated back to ${to} hold the writes made in ${from} since ${at ?? ''}; publish it from the layer that holds ${to}'s replicated backups`;
  }
  return { required: true, movedAt: at, checks, problem, overridden };
}

/** What the verify phase says when the returning region held the service all along. */
export const NOT_REQUIRED: RecoveryPointVerification = {
  required: false,
  movedAt: null,
  checks: [],
  problem: null,
  overridden: false,
};

/**
 * The instances to re-apply once `demoted` (what the retire and demote phases ran) has its steady-state
 * role: every instance of the steady state (`steady`) that depends on one of them, transitively, the
 * promote phase's own included (a fan-in over the regions read the demoted region as primary then).
 */
export function dependentsToReapply(
  graph: LayerGraph,
  demoted: ReadonlySet<string>,
  steady: ReadonlySet<string>,
): Set<string> {
  const found = new Set<string>();
  const stack = [...demoted];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    for (const dependent of getOrThrow(graph.dependents, id, 'instance')) {
      if (demoted.has(dependent) || found.has(dependent) || !steady.has(dependent)) continue;
      found.add(dependent);
      stack.push(dependent);
    }
  }
  return found;
}
