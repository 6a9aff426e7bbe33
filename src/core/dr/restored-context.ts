import type { LayerGraph } from '../graph/types.js';
import { getOrThrow } from '../lookup.js';
import type { GuardRecord } from './failover-guard.js';
import { RECOVERY_POINT_OUTPUT } from './recovery-point.js';

/**
 * The instances a failover (or a failback's promote phase) brought up in the region it moved to, each with
 * the recovery point it restored from (null when no upstream published one). Kept in the failover record, so
 * that every later run gives them the context they were restored with: a normal apply that turned `failover`
 * back to false would change, or with a snapshot id on a database replace, what the move restored.
 */
export type RestoredInstances = Readonly<Record<string, string | null>>;

/** What an instance's context says about a move that restored it (engine/var-file.ts passes it on). */
export interface RestoredContext {
  failover: true;
  failedRegion: string;
  recoveryPoint?: string;
}

/** Whether a published value is a time (RFC 3339), as `strata_recovery_point` must be. */
export function recoveryPointTime(value: unknown): number | null {
  if (typeof value !== 'string' || !/^\d{4}-\d\d-\d\dT/.test(value)) return null;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : at;
}

/**
 * The recovery point an instance restores from: the oldest `strata_recovery_point` published in this run by
 * the instance's upstreams, transitively, in its own region or in none (the layer holding the replicated
 * backups is upstream of what restores from them; another region's backups are not restored from). Oldest,
 * because a restore is only as recent as its oldest source. Null when none published a time.
 */
export function recoveryPointFor(
  graph: LayerGraph,
  id: string,
  published: ReadonlyMap<string, unknown>,
): string | null {
  let oldest: { value: string; at: number } | null = null;
  const seen = new Set<string>();
  const instance = getOrThrow(graph.byId, id, 'instance');
  const stack = [...instance.dependsOn];
  for (let upstream = stack.pop(); upstream !== undefined; upstream = stack.pop()) {
    if (seen.has(upstream)) continue;
    seen.add(upstream);
    const { dependsOn, region } = getOrThrow(graph.byId, upstream, 'instance');
    stack.push(...dependsOn);
    if (region !== null && region !== instance.region) continue;
    const value = published.get(upstream);
    const at = recoveryPointTime(value);
    if (at !== null && (oldest === null || at < oldest.at)) oldest = { value: value as string, at };
  }
  return oldest?.value ?? null;
}

/** The recovery points a run published, from the outputs it read: id → `strata_recovery_point`. */
export function collectRecoveryPoint(
  published: Map<string, unknown>,
): (id: string, values: Readonly<Record<string, unknown>>) => void {
  return (id, values) => {
    if (RECOVERY_POINT_OUTPUT in values) published.set(id, values[RECOVERY_POINT_OUTPUT]);
  };
}

/**
 * The restored context the primary's record gives its instances: the record must be a move in effect to the
 * primary (a failover to it, or a failback to it) that lists the instance. Anything else (a pending hold, a
 * record about another region) gives none, and the instance runs with its steady-state context.
 */
export function restoredContextOf(
  record: GuardRecord | null,
  primary: string,
): (id: string) => RestoredContext | undefined {
  if (record === null || record.status === 'pending' || record.to !== primary || !record.restored) {
    return () => undefined;
  }
  const restored = new Map(Object.entries(record.restored));
  return (id) => {
    if (!restored.has(id)) return undefined;
    const recoveryPoint = restored.get(id) ?? null;
    return {
      failover: true,
      failedRegion: record.from,
      ...(recoveryPoint === null ? {} : { recoveryPoint }),
    };
  };
}

/**
 * The context of a move's instances as it restores them (a failover, a failback's promote phase): `failover`,
 * the region being left, and the recovery point its upstreams published so far. Each instance's is worked
 * out once, when it is first asked for (its upstreams are done by then), so the record keeps exactly what the
 * instance was given.
 */
export function restoringContexts(
  graph: LayerGraph,
  failedRegion: string,
  published: ReadonlyMap<string, unknown>,
): { contextOf(id: string): RestoredContext; given: ReadonlyMap<string, string | null> } {
  const given = new Map<string, string | null>();
  return {
    contextOf(id) {
      if (!given.has(id)) given.set(id, recoveryPointFor(graph, id, published));
      const recoveryPoint = given.get(id) ?? null;
      return { failover: true, failedRegion, ...(recoveryPoint === null ? {} : { recoveryPoint }) };
    },
    given,
  };
}

/** The record's list of what a move restored: the instances given a context that succeeded. */
export function restoredBy(
  given: ReadonlyMap<string, string | null>,
  succeeded: Iterable<string>,
): Record<string, string | null> {
  const restored: Record<string, string | null> = {};
  for (const id of [...succeeded].sort()) {
    if (given.has(id)) restored[id] = given.get(id) ?? null;
  }
  return restored;
}
