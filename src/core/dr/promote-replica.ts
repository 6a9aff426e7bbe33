import type { BackendConfig, LayerGraph } from '../graph/types.js';
import type { Manifest } from '../manifest/types.js';
import { replicaBackend } from './replica-backend.js';

/**
 * Promoting the replica: when the failed region is `backend.global_region`, global and account state lives
 * in its replica region from the failover on. The state objects are there already (replication copied
 * them); what changes is the manifest's `global_region` (the roles pull request carries it) and the lock
 * files replication left behind, which are cleared through the binary (app/dr/promote-replica.ts). Pure: which
 * states move, where to, and which replicated locks are stale.
 */

/** Where global and account state moves, or why it stays. */
export type PromotionTarget =
  { kind: 'promote'; from: string; to: string } | { kind: 'stays'; reason: string } | { kind: 'none' };

/**
 * Whether a failover from `failed` moves global and account state: only when `failed` is the global region,
 * and only for a failover of the whole estate (the global region is one setting for every account). `none`
 * when the global region is not the failed one; `stays` (with the reason, for the report) when it cannot move.
 */
export function promotionTarget(
  manifest: Pick<Manifest, 'backend'>,
  failed: string,
  narrowed: boolean,
): PromotionTarget {
  const { globalRegion, replicas } = manifest.backend;
  if (globalRegion !== failed) return { kind: 'none' };
  const replica = replicas[failed];
  if (replica === undefined) {
    return {
      kind: 'stays',
      reason: `global and account state stays in ${failed}, the failed region: backend.replicas names no replica of it, so plan and apply of global and account layers fail until ${failed} is back`,
    };
  }
  if (narrowed) {
    return {
      kind: 'stays',
      reason: `global and account state stays in ${failed}: this failover was narrowed to some accounts, environments or layers, and backend.global_region moves only with a failover of the whole estate`,
    };
  }
  return { kind: 'promote', from: failed, to: replica };
}

/** Every global and account instance, with its backend in the promoted region: the states that move. */
export function promotedStates(
  manifest: Manifest,
  graph: LayerGraph,
  to: string,
): { id: string; path: string; backend: BackendConfig }[] {
  return graph.instances
    .filter((instance) => instance.region === null)
    .map((instance) => ({
      id: instance.id,
      path: instance.path,
      backend: replicaBackend(manifest, graph, instance, to),
    }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** A replicated lock found on a promoted state, and what was done with it. */
export interface PromotedLock {
  /** The instance whose state it locks. */
  instance: string;
  /** The lock's ID and path, as OpenTofu's Lock Info prints them. */
  lockId: string;
  path: string;
  /** Who took it (`user@host`), for which operation, and when (as printed). */
  heldBy: string;
  operation: string;
  created: string;
  /** Cleared (`force-unlock`), by whom and when; null when it was left in place (see the problems). */
  clearedBy: string | null;
  clearedAt: string | null;
}

/** One promoted state as read in its new region, or why it could not be. */
export interface PromotedState {
  id: string;
  lineage: string | null;
  serial: number | null;
  /** What went wrong, or null: a state that cannot be read, is missing or stays locked is not promoted. */
  problem: string | null;
}

/** What the failover's promotion of the replica did (absent when the global region did not fail). */
export interface ReplicaPromotion {
  from: string;
  to: string;
  /** Whether `backend.global_region` was rewritten (with `--write-manifest`). */
  manifestWritten: boolean;
  states: PromotedState[];
  locks: PromotedLock[];
}

/** Whether a promotion can be relied on: every state read and no lock left in place. */
export function isPromoted(promotion: ReplicaPromotion): boolean {
  return (
    promotion.states.every((state) => state.problem === null) &&
    promotion.locks.every((lock) => lock.clearedBy !== null)
  );
}

/**
 * Whether a lock found on a promoted state is stale: taken before the failover started. Before the
 * promotion nothing takes a lock on the replica in its own region, so such a lock was replicated from the
 * failed region (S3 does not replicate the delete that released it, or its holder died with the region). A
 * lock taken since, or one whose time cannot be read, may belong to a run going on now: it is left alone.
 */
export function isStaleLock(created: Date | null, failoverStartedAt: Date): boolean {
  return created !== null && created.getTime() < failoverStartedAt.getTime();
}

/** Who the audit line names: the GitHub actor in a workflow, else the local user. */
export function actorOf(env: Readonly<Record<string, string | undefined>>): string {
  const actor = env.GITHUB_ACTOR ?? env.USER ?? env.USERNAME;
  return actor === undefined || actor === '' ? 'unknown' : actor;
}
