import type { ChangeCounts } from './change-counts.js';
import type { FailoverGuardReport, FailoverSummary } from './dr/failover-result.js';
import type { Scope } from './graph/types.js';
import type { ReviewedPlanReport } from './reviewed-plan.js';

export type EngineCommand = 'plan' | 'apply' | 'destroy';

/**
 * Where an instance stands. `skipped` means it never started because of something outside it (an upstream
 * failed, or an upstream has never been applied); `cancelled` means the run was interrupted or stopped
 * (fail-fast) before or while it ran.
 */
export type InstanceStatus = 'pending' | 'running' | 'succeeded' | 'failed' | 'skipped' | 'cancelled';

export type TerraformStep = 'init' | 'read-upstream' | 'plan' | 'show' | 'apply' | 'output';

export interface ResourceChange {
  address: string;
  action: string;
}

/** Which instance a result is about: the same for every status. */
export interface InstanceIdentity {
  id: string;
  layer: string;
  scope: Scope;
  account: string | null;
  region: string | null;
  environment: string | null;
}

/** What a started instance has learnt so far. */
export interface InstanceProgress {
  /** What the plan found; null until planned. */
  changes: ChangeCounts | null;
  /** Addresses and actions of the changing resources (names only, never values). */
  resourceChanges: ResourceChange[];
  /** Upstream instances whose `mock_outputs` stood in for real outputs in this plan. */
  mockedUpstreams: string[];
  /** The saved plan, relative to the work directory, when there is one. */
  planFile: string | null;
}

/** When a started instance ran. */
export interface InstanceTiming {
  startedAt: string;
  finishedAt: string;
  durationMs: number;
}

/** What an instance did before it stopped: a skip or a cancellation that came after it started. */
export interface InstanceAttempt extends InstanceProgress, InstanceTiming {
  /** The step it stopped in; null when it stopped before its first Terraform command. */
  step: TerraformStep | null;
}

/** Just the identity of an instance or of a result, without anything else it carries. */
export function identityOf(instance: InstanceIdentity): InstanceIdentity {
  const { id, layer, scope, account, region, environment } = instance;
  return { id, layer, scope, account, region, environment };
}

export interface PendingInstance extends InstanceIdentity {
  status: 'pending';
}

export interface RunningInstance extends InstanceIdentity, InstanceProgress {
  status: 'running';
  startedAt: string;
  /** The step running now; null until the first begins. */
  step: TerraformStep | null;
}

export interface SucceededInstance extends InstanceIdentity, InstanceProgress, InstanceTiming {
  status: 'succeeded';
}

export interface FailedInstance extends InstanceIdentity, InstanceAttempt {
  status: 'failed';
  /** Why it failed: the step, the exit code and the end of Terraform's error output, secrets masked. */
  error: string;
  timedOut: boolean;
}

export interface SkippedInstance extends InstanceIdentity {
  status: 'skipped';
  reason: string;
  /** Absent when it never started (an upstream did not succeed); there when it started and found an upstream never applied. */
  attempt?: InstanceAttempt;
}

export interface CancelledInstance extends InstanceIdentity {
  status: 'cancelled';
  reason: string;
  /** Absent when it never started; there, with the interrupted command's error, when it was stopped while it ran. */
  attempt?: InstanceAttempt & { error: string; timedOut: boolean };
}

/** Where one instance stands, with exactly the fields that apply to that status. */
export type InstanceResult =
  | PendingInstance
  | RunningInstance
  | SucceededInstance
  | FailedInstance
  | SkippedInstance
  | CancelledInstance;

/** What a started instance has learnt and when it ran, whatever became of it; undefined when it never started. */
export function progressOf(
  instance: InstanceResult,
): (InstanceProgress & Partial<InstanceTiming> & { startedAt: string }) | undefined {
  switch (instance.status) {
    case 'pending':
      return undefined;
    case 'running':
    case 'succeeded':
    case 'failed':
      return instance;
    case 'skipped':
    case 'cancelled':
      return instance.attempt;
  }
}

/** What the instance's plan found; null when it was never planned. */
export function changesOf(instance: InstanceResult): ChangeCounts | null {
  return progressOf(instance)?.changes ?? null;
}

/** How long it ran; null while it runs or when it never started. */
export function durationOf(instance: InstanceResult): number | null {
  return progressOf(instance)?.durationMs ?? null;
}

/** Whether its Terraform command ran out of time (a failure, or a cancellation while it ran). */
export function hasTimedOut(instance: InstanceResult): boolean {
  if (instance.status === 'failed') return instance.timedOut;
  return instance.status === 'cancelled' && instance.attempt?.timedOut === true;
}

export interface RunResult {
  version: 1;
  command: EngineCommand;
  /** `running` until the run ends: a file that still says so was left by a run that was killed or is going on. */
  status: 'running' | 'succeeded' | 'failed' | 'cancelled';
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
  /** An apply of saved plans (plan-dir): the instances planned afresh and how they compare with the reviewed plan. */
  reviewedPlan?: ReviewedPlanReport;
  /** While a failback runs, the phase this progress is of (core/dr/failback.ts); progress lines name it. */
  phase?: string;
  /** Destroys and replacements of stateful layers' resources that the run's allow-destroy setting allowed. */
  allowedDestroys?: AllowedDestroy[];
  /** The DR hooks the run ran, or would have (a failover or failback; absent when it has none). */
  hooks?: HookResult[];
}

/**
 * One run of a DR hook (core/dr/hooks.ts): a `pending` or `skipped` hook never started (a skip says why), the
 * others carry their times; a failure its error (the exit code and the end of its output, secrets masked).
 */
export interface HookResult {
  id: string;
  name: string;
  when: string;
  /** The instance it followed (after_layer), or null. */
  instance: string | null;
  /** The account of that instance, for the Gantt chart's sections; null for the others. */
  account: string | null;
  status: InstanceStatus;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  error: string | null;
  reason: string | null;
  /** The hook's output, relative to the work directory. */
  logFile: string | null;
}

/** What one instance named in allow-destroy was allowed to destroy or replace (core/stateful-guard.ts). */
export interface AllowedDestroy {
  id: string;
  resources: ResourceChange[];
}

/** Whether a plan would change anything (replacements are counted in add and destroy too). */
export function hasChanges(changes: ChangeCounts | null): boolean {
  return changes !== null && changes.add + changes.change + changes.destroy + changes.replace > 0;
}

export const FINISHED: ReadonlySet<InstanceStatus> = new Set(['succeeded', 'failed', 'skipped', 'cancelled']);
