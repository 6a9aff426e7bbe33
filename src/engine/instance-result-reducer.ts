import type { ChangeCounts } from '../core/change-counts.js';
import type { Instance } from '../core/graph/types.js';
import {
  identityOf,
  type InstanceAttempt,
  type InstanceResult,
  type PendingInstance,
  type ResourceChange,
  type RunningInstance,
  type TerraformStep,
} from '../core/run-result.js';

/** How an instance's run ended, as the pipeline saw it. */
export type InstanceOutcome =
  | { status: 'succeeded' }
  /** An upstream has never been applied and has no mock outputs. */
  | { status: 'skipped'; reason: string }
  | { status: 'failed'; error: string; timedOut: boolean }
  | { status: 'cancelled'; reason: string; error: string; timedOut: boolean };

/** What happened to one instance, in order; its result is these folded by `reduceInstanceResult`. */
export type InstanceEvent =
  | { type: 'started'; at: string }
  | { type: 'step-began'; step: TerraformStep }
  | { type: 'upstream-mocked'; id: string }
  | { type: 'plan-saved'; planFile: string }
  | {
      type: 'planned';
      changes: ChangeCounts;
      resourceChanges: ResourceChange[];
    }
  | { type: 'finished'; outcome: InstanceOutcome; at: string; durationMs: number }
  /** It never started: an upstream failed, was skipped or cancelled, or the run stopped first. */
  | { type: 'not-run'; status: 'skipped' | 'cancelled'; reason: string };

export function pendingResult(instance: Instance): PendingInstance {
  return { ...identityOf(instance), status: 'pending' };
}

/**
 * The next result of an instance after an event; never changes the one given, which reporters may hold.
 * What the pipeline learns (steps, mocks, the plan) is kept only while the instance runs, the one status
 * that has those fields; the engine sends them at no other time.
 */
export function reduceInstanceResult(result: InstanceResult, event: InstanceEvent): InstanceResult {
  switch (event.type) {
    case 'started':
      return {
        ...identityOf(result),
        status: 'running',
        startedAt: event.at,
        step: null,
        changes: null,
        resourceChanges: [],
        mockedUpstreams: [],
        planFile: null,
      };
    case 'not-run':
      return { ...identityOf(result), status: event.status, reason: event.reason };
    case 'step-began':
    case 'upstream-mocked':
    case 'plan-saved':
    case 'planned':
      return result.status === 'running' ? reduceProgress(result, event) : result;
    case 'finished':
      return result.status === 'running' ? finish(result, event) : result;
  }
}

function reduceProgress(
  result: RunningInstance,
  event: Extract<InstanceEvent, { type: 'step-began' | 'upstream-mocked' | 'plan-saved' | 'planned' }>,
): RunningInstance {
  switch (event.type) {
    case 'step-began':
      return { ...result, step: event.step };
    case 'upstream-mocked':
      return result.mockedUpstreams.includes(event.id)
        ? result
        : { ...result, mockedUpstreams: [...result.mockedUpstreams, event.id] };
    case 'plan-saved':
      return { ...result, planFile: event.planFile };
    case 'planned':
      return { ...result, changes: event.changes, resourceChanges: event.resourceChanges };
  }
}

function finish(
  result: RunningInstance,
  event: Extract<InstanceEvent, { type: 'finished' }>,
): InstanceResult {
  const identity = identityOf(result);
  const { startedAt, step, changes, resourceChanges, mockedUpstreams, planFile } = result;
  const ran = { changes, resourceChanges, mockedUpstreams, planFile, startedAt };
  const timing = { finishedAt: event.at, durationMs: event.durationMs };
  const attempt: InstanceAttempt = { ...ran, ...timing, step };
  const { outcome } = event;
  switch (outcome.status) {
    case 'succeeded':
      return { ...identity, ...ran, ...timing, status: 'succeeded' };
    case 'failed':
      return { ...identity, ...attempt, status: 'failed', error: outcome.error, timedOut: outcome.timedOut };
    case 'skipped':
      return { ...identity, status: 'skipped', reason: outcome.reason, attempt };
    case 'cancelled':
      return {
        ...identity,
        status: 'cancelled',
        reason: outcome.reason,
        attempt: { ...attempt, error: outcome.error, timedOut: outcome.timedOut },
      };
  }
}
