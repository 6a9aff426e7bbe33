import { checkRegionDeclared } from '../../core/manifest/check-region.js';
import { loadManifest } from '../../adapters/load-manifest.js';
import { UsageError } from '../../core/errors.js';
import { suggest } from '../../core/wording.js';
import type { MoveScope } from '../../core/dr/failover-scope.js';
import { actorOf } from '../../core/dr/promote-replica.js';
import type { ClearedRecordLock } from '../../core/dr/record-lock.js';
import { recordLeftBehind } from '../../core/dr/record-scope.js';
import type { RestoredInstances } from '../../core/dr/restored-context.js';
import { setUpEngine, type EngineAdapters, type EngineSettings } from '../engine-setup.js';
import { readFailoverRecord, writeFailoverRecord } from './failover-record.js';
import type { FailoverRecord } from '../../core/dr/failover-record-format.js';
import type { RecordWriteContext } from './failover-record-context.js';

/**
 * The deploy hold: a failover (or failback) waiting for approval writes its record as `pending` into the
 * target region's store before it plans, so that every normal apply and destroy refuses (the failover guard,
 * core/dr/failover-guard.ts) until the move is applied, which turns the record into one in effect (or, for a
 * failback, clears it), or is released. Only the target region is written: nothing waits on the failed one.
 * The hold keeps what the record it replaces kept of other scopes' moves, and a release leaves it there.
 */
export function holdDeploys(
  context: RecordWriteContext,
  move: { mode: 'failover' | 'failback'; from: string; to: string; scope?: MoveScope },
  kept: RestoredInstances,
): Promise<ClearedRecordLock[]> {
  return writeFailoverRecord(context, move.to, {
    ...move,
    at: context.now().toISOString(),
    status: 'pending',
    // What the record it replaces kept of other moves (recordToReplace): the move applied, or the hold
    // released, reads it back from here.
    ...(Object.keys(kept).length > 0 ? { restored: kept } : {}),
  });
}

export interface ReleaseSettings extends EngineSettings {
  mode: 'failover' | 'failback';
  to: string;
  manifestFile: string;
}

/**
 * Releases an abandoned move's hold in `to` (its approval rejected, its run cancelled): clears a pending
 * record there and nothing else. Returns the hold released, or null when `to` held none. Refuses a record in
 * effect: that is a failover done, which only a failback undoes. With the replicated locks it cleared on the way.
 */
export async function releaseDeploys(
  settings: ReleaseSettings,
  adapters: EngineAdapters,
): Promise<{ released: FailoverRecord | null; clearedLocks: ClearedRecordLock[] }> {
  const loaded = loadManifest(settings.manifestFile, settings.cwd);
  checkRegionDeclared(loaded.manifest, settings.to, 'to');
  const { terraform, workDirectory } = await setUpEngine({ ...settings, failFast: false }, loaded, adapters);
  const context: RecordWriteContext = {
    terraform,
    manifest: loaded.manifest,
    manifestDirectory: loaded.directory,
    logDirectory: workDirectory,
    actor: actorOf(settings.env),
    now: () => new Date(),
  };
  const record = await readFailoverRecord(context, settings.to);
  if (record === null) return { released: null, clearedLocks: [] };
  if (record.status !== 'pending') {
    throw new UsageError(
      (name, command) =>
        `${settings.to} holds a failover from ${record.from} in effect (recorded ${record.at}), not a pending hold: ${name('release-deploys')} does not undo a failover; fail back with '${command(suggest('failback', { setting: 'to', value: record.from }))}' once ${record.from} is healthy`,
    );
  }
  // What the hold kept of other scopes' moves stays, as a failback leaving the region would leave it.
  const left = recordLeftBehind(record, settings.to, record.scope ?? [], (id) => loaded.graph.byId.get(id));
  const clearedLocks =
    left.kind === 'write' ? await writeFailoverRecord(context, settings.to, left.record) : [];
  return { released: record, clearedLocks };
}
