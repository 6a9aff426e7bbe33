import { describeScope, isSameScope, type MoveScope } from './failover-scope.js';
import { UsageError } from '../errors.js';
import type { GuardRecord } from './failover-guard.js';

/**
 * A region keeps one failover record. Before a move of `scope` writes or clears the record in `region`, this
 * refuses when the record there (`record`, as read at the start of the move) belongs to a move of another
 * scope: replacing it would drop that move's guard.
 */
export function refuseOtherScopesRecord(record: GuardRecord | null, region: string, scope: MoveScope): void {
  if (record === null || isSameScope(record.scope ?? [], scope)) return;
  const status = record.status === 'pending' ? 'pending' : 'in effect';
  throw new UsageError(
    `${region} holds the record of a ${record.mode ?? 'failover'} of ${describeScope(record.scope ?? [])} from ${record.from} to ${record.to} (${status}, recorded ${record.at}), and this move is of ${describeScope(scope)}: one region keeps one move at a time. Finish that move (or fail it back) first, or move both together with the same --account and --environment selection.`,
  );
}
