import path from 'node:path';
import type { Manifest } from '../../core/manifest/types.js';
import type { TerraformCall, TerraformClient } from '../../engine/terraform-client.js';
import { itemAt } from '../../core/lookup.js';
import { LEGACY_RECORD, recordInstanceOf } from '../../core/dr/record-key.js';

/** Which record instance a call is about: the region's own, or the legacy one every region shared. */
export type RecordInstance = { id: string; layer: string };

/**
 * Where the record's Terraform runs: inside the manifest's directory, as many levels down as the first layer,
 * so that a relative `local` backend path resolves to the same folder it does for the layers.
 */
export function recordDirectory(manifestDirectory: string, manifest: Manifest, region: string): string {
  // The schema requires one layer at least.
  const depth = itemAt(manifest.layers, 0, 'layer').path.split('/').length;
  const levels = ['.strata-failover', region, ...Array<string>(Math.max(0, depth - 2)).fill('record')];
  return path.join(manifestDirectory, ...levels.slice(0, depth));
}

export interface RecordContext {
  manifest: Manifest;
  manifestDirectory: string;
  terraform: TerraformClient;
  logDirectory: string;
  /** Where a read notes what it ignored (a legacy record replicated from another region); none when absent. */
  notes?: string[];
}

/** Where the record's `command` runs in `region`, and the log it writes. */
export function recordCall(
  context: RecordContext,
  region: string,
  command: string,
  record: RecordInstance = recordInstanceOf(region),
): TerraformCall {
  const suffix = record.id === LEGACY_RECORD.id ? '-legacy' : '';
  return {
    cwd: recordDirectory(context.manifestDirectory, context.manifest, region),
    // One per key: each stays initialised for its own backend, so a read of both needs no init at all.
    dataDirectory: path.join(context.logDirectory, 'failover-record', region, `terraform-data${suffix}`),
    logFile: path.join(context.logDirectory, 'failover-record', region, `${command}${suffix}.log`),
    instanceId: record.id,
  };
}

/** What writing a record needs besides reading one: who clears a replicated lock, and when (the audit). */
export interface RecordWriteContext extends RecordContext {
  actor: string;
  now: () => Date;
}
