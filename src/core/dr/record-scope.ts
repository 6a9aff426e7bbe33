import { describeScope, isInScope, isSameScope, type MoveScope } from './failover-scope.js';
import { UsageError } from '../errors.js';
import type { GuardRecord } from './failover-guard.js';
import type { RestoredInstances } from './restored-context.js';

/** A failback done: its record stays only for the context of what it restored, and holds nothing back. */
export function isCompletedMove(record: GuardRecord): boolean {
  return record.status !== 'pending' && (record.mode ?? 'failover') === 'failback';
}

/**
 * A region keeps one failover record, at a key of its own (core/dr/record-key.ts: a copy replicated from
 * another region's store lands elsewhere, and one at the legacy key is dropped when read). Before a move of `move.scope` from `move.from` writes or clears the
 * record in `region`, this checks the record there (`record`, as read at the start of the move) and returns
 * the restored instances of other moves the record it writes must keep, so that no move's context is lost:
 * - none: nothing to keep;
 * - the move's own scope: replaced, keeping what it kept of other moves (the restored instances outside the
 *   scope, by `instanceOf`; one it cannot place is kept too), so that a second move of one scope does not drop
 *   the context of another's;
 * - a failback of another scope done: replaced, keeping what it restored (when it left the same region, so
 *   the context it gave, `failed_region` included, stays the same);
 * - anything else of another scope (a hold pending, a failover in effect): refused, since replacing it would
 *   drop that move's guard.
 */
export function recordToReplace(
  record: GuardRecord | null,
  region: string,
  move: { scope: MoveScope; from: string },
  instanceOf: (id: string) => { account: string | null; environment: string | null } | undefined,
): RestoredInstances {
  if (record === null) return {};
  const moveOf = `${record.mode ?? 'failover'} of ${describeScope(record.scope ?? [])} from ${record.from} to ${record.to}`;
  const sameScope = isSameScope(record.scope ?? [], move.scope);
  const restored = sameScope
    ? Object.fromEntries(
        Object.entries(record.restored ?? {}).filter(([id]) => {
          const instance = instanceOf(id);
          return instance === undefined || !isInScope(move.scope, instance);
        }),
      )
    : (record.restored ?? {});
  if (sameScope || isCompletedMove(record)) {
    if (record.from === move.from || Object.keys(restored).length === 0) return restored;
    throw new UsageError(
      `${region} holds the record of a ${moveOf} (${isCompletedMove(record) ? 'done' : record.status === 'pending' ? 'pending' : 'in effect'}, recorded ${record.at}) that keeps the context of what ${sameScope ? 'moves of other scopes' : 'it'} restored, which came from ${record.from}; this move of ${describeScope(move.scope)} comes from ${move.from}, and its record would give that context another failed region. Move ${describeScope(move.scope)} from ${record.from}, or move both together with the same --account and --environment selection.`,
    );
  }
  const status = record.status === 'pending' ? 'pending' : 'in effect';
  throw new UsageError(
    `${region} holds the record of a ${moveOf} (${status}, recorded ${record.at}), and this move is of ${describeScope(move.scope)}: one region keeps one move in progress at a time. Finish that move (or fail it back) first, or move both together with the same --account and --environment selection.`,
  );
}
