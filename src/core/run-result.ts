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
  planSucceeded: boolean;
  changes: ChangeCounts | null;
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
}

/**
 * The failover guard's override, when a run used it: the failover records it went ahead without reading
 * (their region, and why they could not be read), because the override named their regions.
 */
export interface FailoverGuardReport {
  ignoredRecords: { region: string; reason: string }[];
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
  failoverGuard?: FailoverGuardReport;
}

/** Whether a plan would change anything (replacements are counted in add and destroy too). */
export function hasChanges(changes: ChangeCounts | null): boolean {
  return changes !== null && changes.add + changes.change + changes.destroy + changes.replace > 0;
}

export const FINISHED: ReadonlySet<InstanceStatus> = new Set(['succeeded', 'failed', 'skipped', 'cancelled']);
