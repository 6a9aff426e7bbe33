import type { ClearedRecordLock } from '../dr/record-lock.js';

/** The audit line of a replicated lock cleared from a failover record: which lock, whose copy, who cleared it, when. */
export function clearedRecordLockLine(lock: ClearedRecordLock): string {
  return `Cleared lock ${lock.lockId} from the failover record in ${lock.region}: a copy replicated from the record in ${lock.replicatedFrom} (${lock.path}; taken by ${lock.heldBy || 'an unknown holder'}, ${lock.operation || 'unknown operation'}, ${lock.created || 'at an unknown time'}), cleared by ${lock.clearedBy} at ${lock.clearedAt} (force-unlock).`;
}
