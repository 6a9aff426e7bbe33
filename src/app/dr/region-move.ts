/**
 * What a failover (app/dr/failover.ts) and a failback (app/dr/failback.ts) share: their settings, their set-up, the
 * records they read and write, and the manifest write that ends them.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadManifest, type LoadedManifest } from '../../adapters/load-manifest.js';
import type { MoveScope } from '../../core/dr/failover-scope.js';
import { setScopePrimary } from '../../core/manifest/set-scope-primary.js';
import type { Manifest } from '../../core/manifest/types.js';
import { getErrorMessage, UsageError } from '../../core/errors.js';
import { setPrimaryRegion } from '../../core/manifest/swap-roles.js';
import { setGlobalRegion } from '../../core/manifest/set-global-region.js';
import { markRegionFailed } from '../../core/manifest/mark-failed-region.js';
import { actorOf } from '../../core/dr/promote-replica.js';
import { definedOrThrow, getOrThrow } from '../../core/lookup.js';
import type { RunResult } from '../../core/run-result.js';
import { setUpEngine, type EngineAdapters, type EngineSettings, type EngineSetup } from '../engine-setup.js';
import { readFailoverRecord } from './failover-record.js';
import type { FailoverRecord } from '../../core/dr/failover-record-format.js';
import type { RecordWriteContext } from './failover-record-context.js';
import type { ClearedRecordLock } from '../../core/dr/record-lock.js';
import { primaryRegionOf } from '../../core/manifest/primary-region.js';
import { checkAgainstPreview, readPreview, type Move } from './reviewed-failover.js';

export interface FailoverSettings extends EngineSettings {
  mode: 'failover' | 'failback';
  to: string;
  from?: string | undefined;
  dryRun: boolean;
  force: boolean;
  writeManifest: boolean;
  manifestFile: string;
  accounts?: readonly string[] | undefined;
  environments?: readonly string[] | undefined;
  layers?: readonly string[] | undefined;
  /** A previous failover's result file: its durations estimate a drill's recovery time. */
  history?: string | undefined;
  /** Write the deploy hold (a pending record in `to`) before planning: app/dr/deploy-hold.ts. */
  holdDeploys?: boolean | undefined;
  /**
   * A drill compares each replicated state with the primary's, which it reads (default true). Off for the
   * reviewed plan of a real failover: the primary is down then, and nothing may touch it.
   */
  checkReplicas?: boolean | undefined;
  /**
   * A failback retires the region being left even though the returning region's recovery point is not shown
   * to be newer than the failover (the operator accepts losing the writes made since); the report says so.
   */
  ignoreRecoveryPoint?: boolean | undefined;
}

export interface Prepared extends EngineSetup {
  loaded: LoadedManifest;
}

export async function prepare(settings: FailoverSettings, adapters: EngineAdapters): Promise<Prepared> {
  if (settings.planDirectory !== undefined && settings.dryRun) {
    throw new UsageError(
      (name) => `${name('plan-dir')} applies saved plans: it cannot go with ${name('dry-run')}`,
    );
  }
  const loaded = loadManifest(settings.manifestFile, settings.cwd);
  // A failover goes on past a failed instance: every region it can bring up counts.
  return { loaded, ...(await setUpEngine({ ...settings, failFast: false }, loaded, adapters)) };
}

/** The ids of a run's instances that succeeded. */
export function succeededIds(run: RunResult): string[] {
  return run.instances.filter((instance) => instance.status === 'succeeded').map((instance) => instance.id);
}

/**
 * Applying saved plans (`planDirectory`) of a move: each saved plan whose inputs are unchanged is applied as
 * saved; any other is planned afresh and applied when it destroys and replaces nothing the approved preview
 * did not show. Messages name the move's own dry run, never `strata plan`.
 */
export async function reviewedApply(prepared: Prepared, move: Move) {
  const planDirectory = prepared.base.planDirectory;
  if (planDirectory === undefined) return {};
  const preview = await readPreview(planDirectory, move);
  return { freshPlanCheck: checkAgainstPreview(preview, move, prepared.base.wording.command) };
}

export function recordContext(prepared: Prepared, settings: FailoverSettings): RecordWriteContext {
  return {
    manifest: prepared.loaded.manifest,
    manifestDirectory: prepared.loaded.directory,
    terraform: prepared.terraform,
    logDirectory: prepared.workDirectory,
    actor: actorOf(settings.env),
    now: prepared.base.now ?? (() => new Date()),
    // What reading the records ignored (a legacy copy replicated from another region), for the report.
    notes: [],
  };
}

/** The records of `regions`, each read once (together: each in a directory of its own). */
export async function readRecords(
  context: RecordWriteContext,
  regions: readonly string[],
): Promise<(region: string) => FailoverRecord | null> {
  const read = new Map(
    await Promise.all(
      [...new Set(regions)].map(
        async (region) => [region, await readFailoverRecord(context, region)] as const,
      ),
    ),
  );
  return (region) => getOrThrow(read, region, 'failover record read');
}

/**
 * Writes a move's records, in order, once its run succeeded. A failure to write one fails the run with a note
 * that says what, where and how to go on (what the run applied stays applied); the replicated locks cleared on
 * the way join the report's audit. Whether every record was written.
 */
export async function writeRecords(
  run: RunResult,
  writes: readonly (() => Promise<ClearedRecordLock[]>)[],
): Promise<boolean> {
  const failover = definedOrThrow(run.failover, 'the failover summary');
  const audit = (cleared: readonly ClearedRecordLock[]) => {
    if (cleared.length > 0) failover.recordLocks = [...(failover.recordLocks ?? []), ...cleared];
  };
  try {
    for (const write of writes) audit(await write());
    return true;
  } catch (error) {
    run.status = 'failed';
    failover.notes.push(
      `The ${failover.mode} applied, but its failover record could not be written, and the manifest was not changed: ${getErrorMessage(error)}`,
    );
    return false;
  }
}

/**
 * Writes the new roles into the manifest file, editing only those values (comments and layout stay): after a
 * failover the failed region marked `failed` and, when the replica was promoted, `backend.global_region`;
 * after a failback the marks of both its regions removed (both run in steady state again).
 */
export async function writePrimary(
  settings: FailoverSettings,
  manifest: Manifest,
  primary: string,
  scope: MoveScope,
  changes: { globalRegion?: string | undefined; failed?: string | undefined; recovered?: readonly string[] },
) {
  const file = path.resolve(settings.cwd, settings.manifestFile);
  const before = await readFile(file, 'utf8');
  // An account or environment back in the region roles' primary follows the roles again.
  const scopePrimary = primary === primaryRegionOf(manifest) ? null : primary;
  let text =
    scope.length === 0 ? setPrimaryRegion(before, primary) : setScopePrimary(before, scope, scopePrimary);
  for (const region of changes.recovered ?? []) text = markRegionFailed(text, region, false);
  if (changes.failed !== undefined) text = markRegionFailed(text, changes.failed, true);
  if (changes.globalRegion !== undefined) text = setGlobalRegion(text, changes.globalRegion);
  await writeFile(file, text);
}
