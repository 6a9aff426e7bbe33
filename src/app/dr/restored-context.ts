import type { LoadedManifest } from '../../adapters/load-manifest.js';
import { restoredContextOf, type RestoredContext } from '../../core/dr/restored-context.js';
import { primaryRegionOf } from '../../core/manifest/primary-region.js';
import type { Dag } from '../../core/schedule/dag.js';
import type { TerraformClient } from '../../engine/terraform-client.js';
import { readFailoverRecord } from './failover-record.js';
import type { FailoverRecord } from '../../core/dr/failover-record-format.js';

/**
 * The context a failover (or a failback) gave the instances it restored, from the primary's failover record,
 * for a normal run to give them again: without it the first apply after a failover would turn `failover`
 * back to false and change, or replace, what was restored from a snapshot. Read only when the run selects an
 * instance of the primary region (only those can be restored there), and only when `known` (the records the
 * failover guard read) does not have it already. When the record cannot be read, they run with their
 * steady-state context: their own state is kept in the same store, and fails them the same way.
 */
export async function readRestoredContext(
  loaded: LoadedManifest,
  dag: Dag,
  terraform: TerraformClient,
  workDirectory: string,
  known: ReadonlyMap<string, FailoverRecord | null> = new Map(),
): Promise<(id: string) => RestoredContext | undefined> {
  const primary = primaryRegionOf(loaded.manifest);
  const inPrimary = dag.ids.some((id) => loaded.graph.byId.get(id)?.region === primary);
  if (!inPrimary) return () => undefined;
  const context = {
    terraform,
    manifest: loaded.manifest,
    manifestDirectory: loaded.directory,
    logDirectory: workDirectory,
  };
  const record = known.has(primary)
    ? (known.get(primary) ?? null)
    : await readFailoverRecord(context, primary).catch(() => null);
  return restoredContextOf(record, primary);
}
