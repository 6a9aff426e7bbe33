import type { LayerGraph } from '../graph/types.js';
import { changesOf, progressOf, type InstanceResult } from '../run-result.js';
import type { ReadinessEntry } from './failover-result.js';
import type { ReplicaCheck } from './replica-freshness.js';

/**
 * The readiness of each instance a drill planned, every 'no' with its reason: the backend in the target
 * region, the replicas of failed-region state it reads (`replicated`: reachable; `replicas`: as fresh as
 * the primary, when compared), its plan.
 */
export function drillReadiness(
  instances: readonly InstanceResult[],
  graph: LayerGraph,
  replicated: ReadonlySet<string>,
  replicas: readonly ReplicaCheck[],
  /** Instances the failover plans once the upstreams it creates (the values) are applied: unproven, not a no. */
  deferred: ReadonlyMap<string, readonly string[]> = new Map(),
): ReadinessEntry[] {
  const checks = new Map(replicas.map((check) => [check.id, check]));
  return instances.map((instance): ReadinessEntry => {
    const sources = graph.inputsOf(instance.id).flatMap((input) => input.sources.map((source) => source.id));
    const readsReplica = sources.some((id) => replicated.has(id));
    const read = sources
      .map((id) => checks.get(id))
      .filter((check): check is ReplicaCheck => check !== undefined);
    const failedAt = instance.status === 'failed' ? instance.step : null;
    const backendReachable = failedAt !== 'init';
    const replicaReachable = readsReplica ? failedAt !== 'read-upstream' : null;
    const notFresh = read.filter((check) => check.status !== 'fresh');
    const replicaFresh = read.length > 0 ? notFresh.length === 0 : null;
    const planSucceeded = instance.status === 'succeeded';
    let reason: string | null = null;
    if (!backendReachable) reason = `backend: ${summariseError(instance)}`;
    else if (replicaReachable === false) reason = `replica: ${summariseError(instance)}`;
    else if (notFresh.length > 0)
      reason = notFresh.map((check) => `replica of ${check.id} ${check.status}: ${check.detail}`).join('; ');
    else if (!planSucceeded && !deferred.has(instance.id)) reason = `plan: ${summariseError(instance)}`;
    return {
      id: instance.id,
      backendReachable,
      replicaReachable,
      replicaFresh,
      planSucceeded,
      changes: changesOf(instance),
      mockedUpstreams: [...(progressOf(instance)?.mockedUpstreams ?? [])],
      deferredUntil: [...(deferred.get(instance.id) ?? [])],
      reason,
    };
  });
}

export function isReady(entry: ReadinessEntry): boolean {
  return entry.reason === null;
}

/**
 * One line for a table cell: the step's headline and Terraform's own `Error:` line when there is one
 * (`terraform init failed (exit code 1): Error: Failed to get existing workspaces`), or the skip reason.
 */
export function summariseError(instance: InstanceResult): string {
  return summariseFailure(failureText(instance), instance.status);
}

/** `summariseError` of a failure's text; `fallback` when there is none. */
export function summariseFailure(text: string | null, fallback: string): string {
  if (text === null) return fallback;
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const headline = lines[0] ?? fallback;
  const terraformError = lines
    .slice(1)
    .find((line) => line.startsWith('Error:') || line.startsWith('│ Error:'));
  return terraformError ? `${headline}: ${terraformError.replace(/^│ /, '')}` : headline;
}

/** What an instance that did not succeed says about why: its error, or its skip or cancel reason. */
function failureText(instance: InstanceResult): string | null {
  switch (instance.status) {
    case 'failed':
      return instance.error;
    case 'skipped':
    case 'cancelled':
      return instance.reason;
    case 'pending':
    case 'running':
    case 'succeeded':
      return null;
  }
}
