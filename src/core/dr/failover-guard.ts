import { UsageError, RefusalError } from '../errors.js';
import { expandManifest } from '../graph/expand-manifest.js';
import type { Instance, LayerGraph } from '../graph/types.js';
import { checkRegionDeclared } from '../manifest/check-region.js';
import { primaryRegionFor, primaryRegionOf } from '../manifest/primary-region.js';
import type { Manifest, ParsedManifest } from '../manifest/types.js';
import type { FailoverGuardReport } from './failover-result.js';
import { describeScope, isInScope, withPrimary, type MoveScope } from './failover-scope.js';
import { steadyStateRoles } from './steady-state.js';
import type { RestoredInstances } from './restored-context.js';
import { isCompletedMove } from './record-scope.js';
import { suggest } from '../wording.js';

/**
 * The guard a normal apply or destroy passes before it changes anything: no failover (or failback) may be
 * pending or in effect for what the run changes, and when Strata cannot tell, it refuses. Pure: the app layer
 * reads the records (app/dr/failover-guard.ts) and hands them here.
 *
 * Where a record can be: a failover or failback to region R writes its record (first as a pending hold, then
 * in effect) into R's own store, the one region sure to be up. So a record that governs this run can only be in
 * a region that a move would change what the run changes: R such that, with R primary, some selected instance
 * gets another role or other upstreams (its own copies, the failed primary's, global layers that read
 * `region: primary`). The primary region's record never governs: it names the primary itself, so it cannot mean
 * the manifest is behind, and a hold there belongs to a move to the primary, which cannot run while its store
 * is down. A region no move to which changes the selection is not read at all.
 */

/** What reading one region's record found. */
export type RecordReading =
  { kind: 'none' } | { kind: 'record'; record: GuardRecord } | { kind: 'unreadable'; reason: string };

/** A failover record's fields (app/dr/failover-record.ts reads and writes them). */
export interface GuardRecord {
  from: string;
  to: string;
  at: string;
  /**
   * `pending`: the hold a failover or failback writes before it is approved, so that deploys wait for it;
   * `in-effect` (the default, and what records written before holds existed mean): the failover is done.
   */
  status?: 'pending' | 'in-effect' | undefined;
  mode?: 'failover' | 'failback' | undefined;
  /** The instances the move restored, with their recovery points: core/dr/restored-context.ts. */
  restored?: RestoredInstances | undefined;
  /** What the move moved: accounts and `account/environment`s; absent or empty, the estate. */
  scope?: MoveScope | undefined;
}

/**
 * The regions whose record could govern a run of `selected`, in manifest order: the primary, always (a hold
 * in it still counts when it can be read), then every other region a move to which changes a selected instance.
 */
export function regionsToRead(
  { manifest, locations }: ParsedManifest,
  graph: LayerGraph,
  selected: readonly string[],
): string[] {
  const primary = primaryRegionOf(manifest);
  const roleNow = steadyStateRoles(manifest);
  const regions = [primary];
  for (const region of manifest.regions) {
    if (region.name === primary) continue;
    const moved = withPrimary(manifest, region.name);
    const after = expandManifest({ manifest: moved, locations });
    const roleAfter = steadyStateRoles(moved);
    const changes = selected.some((id) => {
      const before = graph.byId.get(id);
      const instance = after.byId.get(id);
      if (!before || !instance) return true;
      if (roleNow(before) !== roleAfter(instance)) return true;
      const upstreams = new Set(before.dependsOn);
      return (
        upstreams.size !== instance.dependsOn.length ||
        instance.dependsOn.some((dependency) => !upstreams.has(dependency))
      );
    });
    if (changes || movesScopeOf(manifest, graph, selected, region.name)) regions.push(region.name);
  }
  return regions;
}

/**
 * Whether a move of one account or environment to `region` (its `primary_region` changed, the region roles
 * not) would change a selected instance: one in `region`, or in its own primary now, whose primary is not
 * `region` yet.
 */
function movesScopeOf(
  manifest: Manifest,
  graph: LayerGraph,
  selected: readonly string[],
  region: string,
): boolean {
  return selected.some((id) => {
    const instance = graph.byId.get(id);
    if (!instance || instance.region === null) return false;
    const primary = primaryRegionFor(manifest, instance.account, instance.environment);
    return primary !== region && (instance.region === region || instance.region === primary);
  });
}

/** The regions named by the override, checked against the manifest. */
export function checkIgnoredRegions(manifest: Manifest, ignored: readonly string[]): void {
  for (const region of ignored) checkRegionDeclared(manifest, region, 'ignore-failover-record');
}

const moveOf = (record: GuardRecord) => record.mode ?? 'failover';

/** The failover that writes the new roles into the manifest, which its pull request proposes. */
const WRITE_MANIFEST = suggest('failover', { setting: 'write-manifest' });

/**
 * The region whose record the primary's own record proves empty, if any. After a failover from F to the
 * primary P with the roles swapped, P's readable record in effect says F failed; F is a secondary now, and
 * while it stays down its record cannot be read. A record in F could only be one a move to F wrote: a
 * failover to F would have needed P down (P is up, and its record would not be in effect), and a failback to
 * F first applies in F, which cannot run while F is down. So F holds nothing that governs this run.
 */
function provenEmpty(
  readings: ReadonlyMap<string, RecordReading>,
  primary: string,
): { region: string; proof: string } | undefined {
  const reading = readings.get(primary);
  if (reading?.kind !== 'record') return undefined;
  const { record } = reading;
  if (record.status === 'pending' || moveOf(record) !== 'failover' || record.to !== primary) return undefined;
  return {
    region: record.from,
    proof: `the record in effect in ${primary} says ${record.from} failed over to ${primary} (recorded ${record.at}); while it is in effect ${record.from} can hold no record that governs this run`,
  };
}

/**
 * Judges the readings: throws when a move is pending or in effect, or when a record that could govern the run
 * cannot be read and the override does not name its region. Returns what the report records: the records the
 * override passed over, and the one the primary's record proved empty. A record found is never overridden:
 * the override is for "cannot tell" only.
 */
export function judgeFailoverGuard(
  manifest: Manifest,
  readings: ReadonlyMap<string, RecordReading>,
  ignored: readonly string[],
  selected: readonly Instance[],
): FailoverGuardReport | undefined {
  const primary = primaryRegionOf(manifest);
  const proven = provenEmpty(readings, primary);
  const unreadable: { region: string; reason: string }[] = [];
  const passedOver: { region: string; reason: string; proof: string }[] = [];
  for (const [region, reading] of readings) {
    if (reading.kind === 'none') continue;
    if (reading.kind === 'unreadable') {
      if (region === primary) continue;
      if (region === proven?.region) passedOver.push({ region, reason: reading.reason, proof: proven.proof });
      else unreadable.push({ region, reason: reading.reason });
      continue;
    }
    const { record } = reading;
    // A failback done keeps its record only for the context of what it restored; it holds nothing back.
    if (isCompletedMove(record)) continue;
    const scope = record.scope ?? [];
    // A move of some accounts or environments holds back only runs that change something of theirs.
    const governed = selected.filter((instance) => isInScope(scope, instance));
    if (governed.length === 0) continue;
    if (record.status === 'pending') {
      throw new UsageError(
        (_name, command) =>
          `A ${moveOf(record)} from ${record.from} to ${record.to} is pending (held since ${record.at}): deploys wait until it is applied or released. If it was abandoned, release the hold with '${command(suggest(moveOf(record), { setting: 'to', value: record.to }, { setting: 'release-deploys' }))}'.`,
      );
    }
    if (scope.length > 0) {
      judgeScopedRecord(manifest, record, scope, governed);
      continue;
    }
    if (record.to !== primary) {
      throw new UsageError(
        (_name, command) =>
          `A failover from ${record.from} to ${record.to} is in effect (recorded ${record.at}), but ${manifest.file} still names ${primary} as primary. Merge the pull request that makes ${record.to} primary (${command(WRITE_MANIFEST)}), or fail back with '${command(suggest('failback', { setting: 'to', value: record.from }))}' once ${record.from} is healthy; until then this apply would undo the failover.`,
      );
    }
  }
  const refused = unreadable.filter(({ region }) => !ignored.includes(region));
  if (refused.length > 0) {
    const regions = refused.map(({ region }) => region);
    throw new RefusalError(
      (name) =>
        `Cannot tell whether a failover is in effect: the failover record in ${regions.join(' and ')} cannot be read, and a failover to ${regions.length === 1 ? 'that region' : 'those regions'} would change what this run changes. ` +
        `Check first that ${regions.join(' and ')} holds no failover (the failover workflow's runs, the operators on call), and that this run can reach its state store and read its failover record there (strata/<region>/failover-record). ` +
        `If you know it holds none, run again with ${name('ignore-failover-record')} ${regions.join(',')}; the report records it.\n` +
        refused.map(({ region, reason }) => `  ${region}: ${reason}`).join('\n'),
    );
  }
  if (unreadable.length === 0 && passedOver.length === 0) return undefined;
  return { ignoredRecords: unreadable, ...(passedOver.length > 0 ? { provenEmpty: passedOver } : {}) };
}

/** A failover of some accounts or environments in effect: the manifest must name `to` as their primary. */
function judgeScopedRecord(
  manifest: Manifest,
  record: GuardRecord,
  scope: MoveScope,
  governed: readonly Instance[],
): void {
  const behind = governed.find(
    (instance) => primaryRegionFor(manifest, instance.account, instance.environment) !== record.to,
  );
  if (behind === undefined) return;
  const named = primaryRegionFor(manifest, behind.account, behind.environment);
  throw new UsageError(
    (_name, command) =>
      `A failover of ${describeScope(scope)} from ${record.from} to ${record.to} is in effect (recorded ${record.at}), but ${manifest.file} still names ${named} as the primary of ${behind.id}. Merge the pull request that sets their primary_region to ${record.to} (${command(WRITE_MANIFEST)}), or fail back with '${command(suggest('failback', { setting: 'to', value: record.from }))}' and the same selection once ${record.from} is healthy; until then this apply would undo the failover.`,
  );
}
