import type { LayerGraph } from '../graph/types.js';
import type { InstanceResult, ReadinessEntry } from '../run-result.js';
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
    else if (!planSucceeded) reason = `plan: ${summariseError(instance)}`;
    return {
      id: instance.id,
      backendReachable,
      replicaReachable,
      replicaFresh,
      planSucceeded,
      changes: instance.changes,
      mockedUpstreams: [...instance.mockedUpstreams],
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
export function summariseError(instance: Pick<InstanceResult, 'status' | 'error' | 'reason'>): string {
  const text = instance.error ?? instance.reason;
  if (text === null) return instance.status;
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const headline = lines[0] ?? instance.status;
  const terraformError = lines
    .slice(1)
    .find((line) => line.startsWith('Error:') || line.startsWith('│ Error:'));
  return terraformError ? `${headline}: ${terraformError.replace(/^│ /, '')}` : headline;
}
