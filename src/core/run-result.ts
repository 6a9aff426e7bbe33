import type { RecoveryEstimate } from './dr/recovery-estimate.js';
import type { RecoveryPointReport } from './dr/recovery-point.js';
import type { ReplicaCheck } from './dr/replica-freshness.js';
import type { Scope } from './graph/types.js';

export type EngineCommand = 'plan' | 'apply' | 'destroy';

/**
 * Where an instance stands. `skipped` means it never started because of something outside it (an upstream
 * failed, or an upstream has never been applied); `cancelled` means the run was interrupted or stopped
 * (fail-fast) before or while it ran.
 */
export type InstanceStatus = 'pending' | 'running' | 'succeeded' | 'failed' | 'skipped' | 'cancelled';

export type TerraformStep = 'init' | 'read-upstream' | 'plan' | 'show' | 'apply' | 'output';

export interface ChangeCounts {
  add: number;
  change: number;
  destroy: number;
  replace: number;
}

export interface InstanceResult {
  id: string;
  layer: string;
  scope: Scope;
  account: string | null;
  region: string | null;
  environment: string | null;
  status: InstanceStatus;
  /** The step running now, or the one that failed. */
  step: TerraformStep | null;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  /** What the plan found; null until planned. */
  changes: ChangeCounts | null;
  /** Addresses and actions of the changing resources (names only, never values). */
  resourceChanges: { address: string; action: string }[];
  /** Why it failed: the step, the exit code and the end of Terraform's error output, secrets masked. */
  error: string | null;
  /** Why it was skipped or cancelled. */
  reason: string | null;
  timedOut: boolean;
  /** Upstream instances whose `mock_outputs` stood in for real outputs in this plan. */
  mockedUpstreams: string[];
  /** The saved plan, relative to the work directory, when there is one. */
  planFile: string | null;
}

export interface ReadinessEntry {
  id: string;
  /** The instance's backend in the target region answered `init`. */
  backendReachable: boolean;
  /** The replicas of failed-region state it reads were reachable; null when it reads none. */
  replicaReachable: boolean | null;
  /** The replicas it reads hold the primary's latest state (same lineage and serial); null when it reads none. */
  replicaFresh: boolean | null;
  planSucceeded: boolean;
  changes: ChangeCounts | null;
  /** Upstreams whose `mock_outputs` stood in for real outputs in its plan: what the drill leaves unproven. */
  mockedUpstreams: string[];
  /** Why it is not ready (the first 'no' of its row, in words); null when it is. */
  reason: string | null;
}

/** What a drill found beyond each instance's plan (absent from a failover or a failback). */
export interface DrillFindings {
  /** Every answer is yes (a replica read or an unmet recovery point fails the drill though every plan succeeded). */
  ready: boolean;
  /** Whether the replicas were compared with the primary (not in the reviewed plan of a real failover). */
  replicasChecked: boolean;
  /** Each failed-region state the failover reads from its replica, compared with the primary's. */
  replicas: ReplicaCheck[];
  recoveryPoint: RecoveryPointReport;
  estimate: RecoveryEstimate;
}

/** What a failover, failback or drill adds to the result. */
export interface FailoverSummary {
  mode: 'failover' | 'failback';
  from: string;
  to: string;
  dryRun: boolean;
  /** Measured: first command to last success; null for a drill or a run that did not succeed. */
  recoverySeconds: number | null;
  /** A drill's estimate from the critical path of recorded (or planned) durations. */
  estimatedRecoverySeconds: number | null;
  readiness: ReadinessEntry[];
  notes: string[];
  drill?: DrillFindings;
}

export interface RunResult {
  version: 1;
  command: EngineCommand;
  status: 'succeeded' | 'failed' | 'cancelled';
  manifest: string;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  terraform: { binary: string; version: string | null };
  parallelism: number;
  hasChanges: boolean;
  instances: InstanceResult[];
  failover?: FailoverSummary;
}

/** Whether a plan would change anything (replacements are counted in add and destroy too). */
export function hasChanges(changes: ChangeCounts | null): boolean {
  return changes !== null && changes.add + changes.change + changes.destroy + changes.replace > 0;
}

export const FINISHED: ReadonlySet<InstanceStatus> = new Set(['succeeded', 'failed', 'skipped', 'cancelled']);
