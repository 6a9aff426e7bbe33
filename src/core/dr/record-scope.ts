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
 * another region's store lands elsewhere, and one at the legacy key is dropped when read). Before a move of
 * `move.scope` from `move.from` writes its record into `region` (recordLeftBehind is the failback's check of the
 * record in the region it leaves), this checks the record there (`record`, as read at the start of the move) and returns
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
  instanceOf: InstanceOf,
): RestoredInstances {
  if (record === null) return {};
  const sameScope = isSameScope(record.scope ?? [], move.scope);
  const restored = sameScope
    ? Object.fromEntries(restoredOutside(record, move.scope, instanceOf))
    : (record.restored ?? {});
  if (sameScope || isCompletedMove(record)) {
    if (record.from === move.from || Object.keys(restored).length === 0) return restored;
    throw new UsageError(
      (name) =>
        `${region} holds the record of a ${moveOf(record)} (${isCompletedMove(record) ? 'done' : record.status === 'pending' ? 'pending' : 'in effect'}, recorded ${record.at}) that keeps the context of what ${sameScope ? 'moves of other scopes' : 'it'} restored, which came from ${record.from}; this move of ${describeScope(move.scope)} comes from ${move.from}, and its record would give that context another failed region. Move ${describeScope(move.scope)} from ${record.from}, or move both together with the same ${name('account')} and ${name('environment')} selection.`,
    );
  }
  throw moveInProgress(record, region, move.scope);
}

/** Where the manifest places a restored instance's id: its account and environment; undefined when it has no such instance. */
type InstanceOf = (id: string) => Placed | undefined;
type Placed = { account: string | null; environment: string | null };

/** The record's restored instances outside `scope`, by `instanceOf`; one it cannot place is kept too. */
function restoredOutside(
  record: GuardRecord,
  scope: MoveScope,
  instanceOf: InstanceOf,
): [string, string | null][] {
  return Object.entries(record.restored ?? {}).filter(([id]) => {
    const instance = instanceOf(id);
    return instance === undefined || !isInScope(scope, instance);
  });
}

function moveOf(record: GuardRecord): string {
  return `${record.mode ?? 'failover'} of ${describeScope(record.scope ?? [])} from ${record.from} to ${record.to}`;
}

/** The refusal to replace or clear the record of a move of another scope in progress (a hold, a failover in effect). */
function moveInProgress(record: GuardRecord, region: string, scope: MoveScope): UsageError {
  const status = record.status === 'pending' ? 'pending' : 'in effect';
  return new UsageError(
    (name) =>
      `${region} holds the record of a ${moveOf(record)} (${status}, recorded ${record.at}), and this move is of ${describeScope(scope)}: one region keeps one move in progress at a time. Finish that move (or fail it back) first, or move both together with the same ${name('account')} and ${name('environment')} selection.`,
  );
}

/** What a failback leaves of the record in the region it leaves: that record as it is, or one to write there. */
export type RecordLeft = { kind: 'unchanged' } | { kind: 'write'; record: GuardRecord | null };

/**
 * Before a failback of `scope` leaves `region`, this checks the record there (`record`, as read at the start
 * of the move) and returns what the failback leaves of it once it succeeds, so that no other move's context is
 * lost:
 * - none: cleared (the key's marker written, as a failback always did);
 * - a failback of another scope done: unchanged, for the context it gives;
 * - the failback's own scope's record: cleared, unless it kept the restored instances of other scopes'
 *   failbacks (recordToReplace). Then it becomes a failback done that keeps only those: from the record's
 *   `from` (the failed region their context names; every restored instance a record keeps shares it), to
 *   `region`, at the record's time, its scope the accounts and environments they belong to (by `instanceOf`,
 *   as isInScope places them). One that cannot be placed is kept beside them; alone it is not: no instance of
 *   the manifest could be given its context, and there is no scope to record it under;
 * - anything else of another scope (a hold pending, a failover in effect): refused, since clearing it would
 *   drop that move's guard.
 */
export function recordLeftBehind(
  record: GuardRecord | null,
  region: string,
  scope: MoveScope,
  instanceOf: InstanceOf,
): RecordLeft {
  if (record === null) return { kind: 'write', record: null };
  if (!isSameScope(record.scope ?? [], scope)) {
    if (isCompletedMove(record)) return { kind: 'unchanged' };
    throw moveInProgress(record, region, scope);
  }
  const kept = restoredOutside(record, scope, instanceOf);
  const placed = kept.flatMap(([id]) => instanceOf(id) ?? []);
  if (placed.length === 0) return { kind: 'write', record: null };
  return {
    kind: 'write',
    record: {
      mode: 'failback',
      from: record.from,
      to: record.to,
      at: record.at,
      restored: Object.fromEntries(kept),
      scope: scopeOfInstances(placed),
    },
  };
}

/**
 * The narrowest scope that holds every one of `instances`: an account where one belongs to the account
 * itself (its region and account layers move only with the whole account), else its environments; the estate
 * when one belongs to no account (only a move of the estate restores a global instance).
 */
function scopeOfInstances(instances: readonly Placed[]): MoveScope {
  const members = new Set<string>();
  const wholeAccounts = new Set(instances.filter((i) => i.environment === null).map((i) => i.account));
  for (const { account, environment } of instances) {
    if (account === null) return [];
    members.add(environment === null || wholeAccounts.has(account) ? account : `${account}/${environment}`);
  }
  return [...members].sort();
}
