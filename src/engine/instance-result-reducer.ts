import type { Instance } from '../core/graph/types.js';
import type { ChangeCounts, InstanceResult, TerraformStep } from '../core/run-result.js';

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
      resourceChanges: InstanceResult['resourceChanges'];
    }
  | { type: 'finished'; outcome: InstanceOutcome; at: string; durationMs: number }
  /** It never started: an upstream failed, was skipped or cancelled, or the run stopped first. */
  | { type: 'not-run'; status: 'skipped' | 'cancelled'; reason: string };

export function pendingResult(instance: Instance): InstanceResult {
  return {
    id: instance.id,
    layer: instance.layer,
    scope: instance.scope,
    account: instance.account,
    region: instance.region,
    environment: instance.environment,
    status: 'pending',
    step: null,
    startedAt: null,
    finishedAt: null,
    durationMs: null,
    changes: null,
    resourceChanges: [],
    error: null,
    reason: null,
    timedOut: false,
    mockedUpstreams: [],
    planFile: null,
  };
}

/** The next result of an instance after an event; never changes the one given, which reporters may hold. */
export function reduceInstanceResult(result: InstanceResult, event: InstanceEvent): InstanceResult {
  switch (event.type) {
    case 'started':
      return { ...result, status: 'running', startedAt: event.at };
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
    case 'not-run':
      return { ...result, status: event.status, reason: event.reason };
    case 'finished': {
      const finished = { ...result, finishedAt: event.at, durationMs: event.durationMs };
      const { outcome } = event;
      switch (outcome.status) {
        case 'succeeded':
          return { ...finished, status: 'succeeded', step: null };
        case 'skipped':
          return { ...finished, status: 'skipped', reason: outcome.reason };
        case 'failed':
          return { ...finished, status: 'failed', error: outcome.error, timedOut: outcome.timedOut };
        case 'cancelled':
          return {
            ...finished,
            status: 'cancelled',
            reason: outcome.reason,
            error: outcome.error,
            timedOut: outcome.timedOut,
          };
      }
    }
  }
}
