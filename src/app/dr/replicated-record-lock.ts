import path from 'node:path';
import type { Manifest } from '../../core/manifest/types.js';
import { RefusalError } from '../../core/errors.js';
import { lockPathOf, type ClearedRecordLock } from '../../core/dr/record-lock.js';
import type { LockInfo } from '../../terraform/lock-info.js';
import { recordBackend } from '../../core/dr/record-key.js';
import { recordCall, type RecordWriteContext } from './failover-record-context.js';

/** The lock Path of every region's record: a lock on one region's record naming another's was replicated. */
export function recordLockPaths(manifest: Manifest): Map<string, string | undefined> {
  return new Map(
    manifest.regions.map((region) => [region.name, lockPathOf(recordBackend(manifest, region.name))]),
  );
}

export async function clearReplicatedLock(
  context: RecordWriteContext,
  region: string,
  lock: LockInfo,
  source: string,
): Promise<ClearedRecordLock> {
  const unlocked = await context.terraform.forceUnlock(recordCall(context, region, 'force-unlock'), lock.id);
  if (unlocked.exitCode !== 0) {
    throw new RefusalError(
      `the failover record in ${region} carries lock ${lock.id}, replicated from ${source}'s record (${lock.path}), and force-unlock failed:\n${unlocked.tail.trim()}\nRelease it with '${path.basename(context.terraform.executable)} force-unlock ${lock.id}' in a directory configured with the record's backend, then run this command again.`,
    );
  }
  return {
    region,
    replicatedFrom: source,
    lockId: lock.id,
    path: lock.path,
    heldBy: lock.who,
    operation: lock.operation,
    created: lock.createdText,
    clearedBy: context.actor,
    clearedAt: context.now().toISOString(),
  };
}
