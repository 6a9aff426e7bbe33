import type { ClearedRecordLock } from '../dr/record-lock.js';
import { clearedRecordLockLine } from './record-locks.js';

/** What releasing a deploy hold did, in one line for the terminal and the job summary. */
export function describeRelease(
  region: string,
  released: { mode?: string | undefined; from: string; to: string; at: string } | null,
  clearedLocks: readonly ClearedRecordLock[] = [],
): string {
  const audit = clearedLocks.map((lock) => `\n${clearedRecordLockLine(lock)}`).join('');
  if (released === null) return `${region} held no pending failover: nothing to release.${audit}`;
  return `Released the hold of the ${released.mode ?? 'failover'} from ${released.from} to ${released.to} (held since ${released.at}): normal applies run again.${audit}`;
}
