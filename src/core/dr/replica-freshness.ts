import type { StateIdentity } from '../../terraform/state-identity.js';

/**
 * How a replica of failed-region state compares with the primary's: `fresh` (same lineage and serial),
 * `stale` (behind: replication is late or broken), `diverged` (another lineage, or ahead of the primary:
 * something wrote to the replica), `missing` (the primary has state, the replica none), `unreadable`.
 */
export type ReplicaStatus = 'fresh' | 'stale' | 'diverged' | 'missing' | 'unreadable';

export interface ReplicaCheck {
  /** The upstream instance whose state is replicated. */
  id: string;
  primaryRegion: string;
  replicaRegion: string;
  status: ReplicaStatus;
  /** What was found, in words; for a replica that is not fresh, why it is not. */
  detail: string;
}

/** A state read on one side, or why it could not be read. */
export type StateRead = { identity: StateIdentity | null } | { error: string };

/** Compares one replicated state with the primary's, both read during a drill (the primary is up then). */
export function compareReplica(
  id: string,
  regions: { primary: string; replica: string },
  primary: StateRead,
  replica: StateRead,
): ReplicaCheck {
  const check = (status: ReplicaStatus, detail: string): ReplicaCheck => ({
    id,
    primaryRegion: regions.primary,
    replicaRegion: regions.replica,
    status,
    detail,
  });
  if ('error' in primary)
    return check('unreadable', `cannot read the state in ${regions.primary}: ${primary.error}`);
  if ('error' in replica)
    return check('unreadable', `cannot read the replica in ${regions.replica}: ${replica.error}`);
  const [source, copy] = [primary.identity, replica.identity];
  if (source === null && copy === null) return check('fresh', 'no state on either side yet');
  if (source === null) {
    return check(
      'diverged',
      `the replica in ${regions.replica} has state (serial ${copy?.serial ?? '?'}) but ${regions.primary} has none`,
    );
  }
  if (copy === null) {
    return check(
      'missing',
      `${regions.primary} has state (serial ${source.serial}) but the replica in ${regions.replica} has none: replication has not copied it`,
    );
  }
  if (copy.lineage !== source.lineage) {
    return check(
      'diverged',
      `the replica's lineage ${copy.lineage} is not the primary's ${source.lineage}: it is another state`,
    );
  }
  if (copy.serial < source.serial) {
    return check(
      'stale',
      `the replica is at serial ${copy.serial}, the primary at ${source.serial}: replication is behind or broken`,
    );
  }
  if (copy.serial > source.serial) {
    return check(
      'diverged',
      `the replica is at serial ${copy.serial}, ahead of the primary's ${source.serial}: something wrote to the replica`,
    );
  }
  return check('fresh', `serial ${source.serial} on both sides`);
}
