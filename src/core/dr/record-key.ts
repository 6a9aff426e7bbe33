import { tokenValues } from '../backend/tokens.js';
import { renderInstanceBackend } from '../backend/render-backend.js';
import type { BackendConfig } from '../graph/types.js';
import type { Manifest } from '../manifest/types.js';
import { regionRoleOf } from '../manifest/primary-region.js';
import type { GuardRecord } from './failover-guard.js';

/**
 * Where each region keeps its failover record. A region-keyed backend gives every region a store of its own
 * and renders the same key in each for one instance, so replication of one region's store into another would
 * copy a record kept at one shared key over the other region's. Each region's record is an instance of its
 * own (its id and layer name the region) so that a replicated copy lands at another key. Pure: the names, and
 * what a record read at the key used before says.
 */

/** The record instance of `region`: `{id}` and `{layer}` both name the region, whichever a key renders. */
export function recordInstanceOf(region: string): { id: string; layer: string } {
  return { id: `strata/${region}/failover-record`, layer: `strata-failover-record-${region}` };
}

/** The instance every region's record was kept as before: one key in every region's store. */
export const LEGACY_RECORD = { id: 'strata/failover-record', layer: 'strata-failover-record' } as const;

/**
 * Where `region`'s record (or `record`, the legacy one) is kept: the manifest's backend rendered for it as for
 * a global instance whose state is in `region`. The record's Terraform uses it (app/dr/failover-record.ts), and
 * expandManifest checks that it is no layer instance's location (core/graph/graph-problems.ts).
 */
export function recordBackend(
  manifest: Pick<Manifest, 'backend' | 'regions'>,
  region: string,
  record: { id: string; layer: string } = recordInstanceOf(region),
): BackendConfig {
  const instance = {
    ...record,
    scope: 'global' as const,
    account: null,
    accountId: null,
    region: null,
    environment: null,
  };
  return renderInstanceBackend(
    manifest.backend,
    tokenValues(instance, region, regionRoleOf(manifest, region)),
  );
}

/**
 * What a record found at the legacy key of `region`'s store means for `region`. Every record is written into
 * its own `to` (a hold, a failover or failback in effect, a failback done), so one whose `to` is `region` is
 * the region's own, written before records had keys of their own; any other is a copy replicated from the
 * store of its `to` and says nothing about `region`.
 */
export function legacyRecordIn(
  record: GuardRecord,
  region: string,
): { record: GuardRecord } | { record: null; note: string } {
  if (record.to === region) return { record };
  const status = record.status === 'pending' ? 'pending' : 'in effect';
  return {
    record: null,
    note: `The failover record at the legacy key (${LEGACY_RECORD.id}) in ${region} is a ${record.mode ?? 'failover'} from ${record.from} to ${record.to} (${status}, recorded ${record.at}): a copy replicated from ${record.to}'s store, ignored; ${region} holds no record of its own.`,
  };
}
