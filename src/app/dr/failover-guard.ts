import {
  checkIgnoredRegions,
  judgeFailoverGuard,
  regionsToRead,
  type RecordReading,
} from '../../core/dr/failover-guard.js';
import type { FailoverGuardReport } from '../../core/dr/failover-result.js';
import { failedRegions } from '../../core/dr/failed-regions.js';
import type { Dag } from '../../core/schedule/dag.js';
import type { LoadedManifest } from '../../adapters/load-manifest.js';
import type { TerraformClient } from '../../engine/terraform-client.js';
import { readFailoverRecord } from './failover-record.js';
import type { FailoverRecord } from '../../core/dr/failover-record-format.js';
import { getOrThrow } from '../../core/lookup.js';

/**
 * Why a read failed, short: from Terraform's first `Error:` line on, its start and its end kept when long (the
 * cause, such as "connection refused", is at the end of the S3 client's line).
 */
function reasonOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const first = lines.findIndex((line) => line.startsWith('Error:'));
  const reason = (first < 0 ? lines : lines.slice(first)).join(' ');
  return reason.length <= 400 ? reason : `${reason.slice(0, 150)} … ${reason.slice(-240)}`;
}

/** What the guard let through: the override's record for the report, and what it read of each region. */
export interface GuardOutcome {
  report: FailoverGuardReport | undefined;
  /**
   * Each region whose record the guard tried: the record, or null when it holds none or could not be read (for
   * the restored context, app/dr/restored-context.ts, which need not read it again).
   */
  records: ReadonlyMap<string, FailoverRecord | null>;
}

/**
 * Reads the failover records that could govern a run of `dag` (core/dr/failover-guard.ts says which) and
 * refuses the run when a failover is pending or in effect, or when one of them cannot be read and `ignored`
 * does not name its region.
 */
export async function guardAgainstFailover(
  loaded: LoadedManifest,
  dag: Dag,
  terraform: TerraformClient,
  workDirectory: string,
  ignored: readonly string[],
): Promise<GuardOutcome> {
  checkIgnoredRegions(loaded.manifest, ignored);
  const notes: string[] = [];
  const context = {
    terraform,
    manifest: loaded.manifest,
    manifestDirectory: loaded.directory,
    logDirectory: workDirectory,
    notes,
  };
  const regions = regionsToRead(loaded, loaded.graph, dag.ids);
  const failed = failedRegions(loaded.manifest);
  const readings = new Map<string, RecordReading>(
    await Promise.all(
      regions.map(async (region): Promise<[string, RecordReading]> => {
        // Not even tried: the manifest says the region failed. Fine only when the primary's record proves it
        // holds none, or with the override, as for any record that cannot be read.
        if (failed.has(region)) {
          const reason = `not read: ${loaded.manifest.file} marks ${region} failed`;
          return [region, { kind: 'unreadable', reason }];
        }
        try {
          const record = await readFailoverRecord(context, region);
          return [region, record ? { kind: 'record', record } : { kind: 'none' }];
        } catch (error) {
          return [region, { kind: 'unreadable', reason: reasonOf(error) }];
        }
      }),
    ),
  );
  const selected = dag.ids.map((id) => getOrThrow(loaded.graph.byId, id, 'instance'));
  const judged = judgeFailoverGuard(loaded.manifest, readings, ignored, selected);
  const report = notes.length > 0 ? { ignoredRecords: [], ...judged, notes } : judged;
  const records = new Map(
    [...readings].map(([region, reading]) => [region, reading.kind === 'record' ? reading.record : null]),
  );
  return { report, records };
}
