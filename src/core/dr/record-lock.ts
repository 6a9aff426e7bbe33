import type { BackendConfig } from '../graph/types.js';
import type { LockInfo } from '../../terraform/lock-info.js';

/**
 * Locks met on a failover record. Each region keeps its record at the same key of its own store, so S3
 * replication of one region's store into another copies the record's lock objects onto the other region's
 * record, and never the deletes that released them: a lock whose Path names another region's record is such
 * a copy, held by no one. Pure: which lock is which, and the audit of one cleared.
 */

/**
 * The Path a lock on the state at `backend` carries, as Terraform and OpenTofu print it: `bucket/key` for S3,
 * the configured file for `local`; undefined for a backend whose lock path Strata does not know.
 */
export function lockPathOf(backend: BackendConfig): string | undefined {
  const { bucket, key, path } = backend.config;
  if (backend.type === 's3' && bucket !== undefined && key !== undefined) {
    return `${String(bucket)}/${String(key)}`;
  }
  if (backend.type === 'local') return String(path ?? 'terraform.tfstate');
  return undefined;
}

/**
 * The region whose record `lock` (found on `region`'s record) names: a replicated copy when it is another
 * region; null when it names `region`'s own record or no record Strata knows (then someone may hold it).
 */
export function replicatedFrom(
  lock: LockInfo,
  region: string,
  recordLockPaths: ReadonlyMap<string, string | undefined>,
): string | null {
  if (lock.path === '' || lock.path === recordLockPaths.get(region)) return null;
  for (const [other, path] of recordLockPaths) {
    if (other !== region && path === lock.path) return other;
  }
  return null;
}

/** A replicated lock cleared from a region's failover record (force-unlock), for the report's audit. */
export interface ClearedRecordLock {
  /** The region whose record it was on, and the region whose record it was copied from. */
  region: string;
  replicatedFrom: string;
  /** The lock's ID and path, as the Lock Info prints them. */
  lockId: string;
  path: string;
  /** Who took it (`user@host`), for which operation, and when (as printed). */
  heldBy: string;
  operation: string;
  created: string;
  /** Who cleared it, and when. */
  clearedBy: string;
  clearedAt: string;
}

/**
 * Why a failover record cannot be written while `lock` is on it (its own lock, or one Strata cannot place):
 * who holds it and how to go on.
 */
export function heldRecordLockMessage(lock: LockInfo, region: string, binary: string): string {
  const holder = `lock ${lock.id || '(no id)'} on ${lock.path || 'an unknown path'}, held by ${lock.who || 'an unknown holder'} (${lock.operation || 'unknown operation'}) since ${lock.createdText || 'an unknown time'}`;
  return `the failover record in ${region} is locked: ${holder}. Another Strata run (a failover, a failback, a deploy hold or its release) may be writing it: wait for that run to end, then run this command again. If no run holds it (its run was killed), release it with '${binary} force-unlock ${lock.id || '<ID>'}' in a directory configured with the record's backend, then run this command again.`;
}
