import type { LayerGraph } from '../graph/types.js';
import type { Manifest } from '../manifest/types.js';

/** An instance a normal run leaves out while its region is marked failed, and why, for the run to say. */
export interface LeftOut {
  id: string;
  reason: string;
}

/** The regions the manifest marks `failed: true` (failed over from, not failed back yet). */
export function failedRegions(manifest: Pick<Manifest, 'regions'>): Set<string> {
  return new Set(manifest.regions.filter((region) => region.failed === true).map((region) => region.name));
}

/**
 * Of `within` (what a normal run would work on; undefined: every instance), those that stay: not in a region
 * marked failed, and depending on nothing left out (its outputs would be read from the failed region). The
 * others are returned with the reason, in graph order, so the run says what it did not manage; none is dropped
 * silently.
 */
export function leaveOutFailedRegions(
  graph: LayerGraph,
  manifest: Pick<Manifest, 'regions' | 'file'>,
  within: ReadonlySet<string>,
): { kept: ReadonlySet<string>; leftOut: LeftOut[] };
export function leaveOutFailedRegions(
  graph: LayerGraph,
  manifest: Pick<Manifest, 'regions' | 'file'>,
  within: ReadonlySet<string> | undefined,
): { kept: ReadonlySet<string> | undefined; leftOut: LeftOut[] };
export function leaveOutFailedRegions(
  graph: LayerGraph,
  manifest: Pick<Manifest, 'regions' | 'file'>,
  within: ReadonlySet<string> | undefined,
): { kept: ReadonlySet<string> | undefined; leftOut: LeftOut[] } {
  const failed = failedRegions(manifest);
  // Nothing failed, nothing left out: `within` itself, not a copy of 100,000 ids.
  if (failed.size === 0) return { kept: within, leftOut: [] };
  const reasons = new Map<string, string>();
  for (const instance of graph.instances) {
    if (instance.region !== null && failed.has(instance.region)) {
      reasons.set(
        instance.id,
        `in ${instance.region}, which ${manifest.file} marks failed (regions.${instance.region}.failed)`,
      );
    }
  }
  // Dependents of a left-out instance, to the end of the graph.
  for (let changed = reasons.size > 0; changed;) {
    changed = false;
    for (const instance of graph.instances) {
      if (reasons.has(instance.id)) continue;
      const upstream = instance.dependsOn.find((dependency) => reasons.has(dependency));
      if (upstream === undefined) continue;
      reasons.set(instance.id, `depends on ${upstream}, which is left out`);
      changed = true;
    }
  }
  const kept = new Set<string>();
  const leftOut: LeftOut[] = [];
  for (const instance of graph.instances) {
    if (within && !within.has(instance.id)) continue;
    const reason = reasons.get(instance.id);
    if (reason === undefined) kept.add(instance.id);
    else leftOut.push({ id: instance.id, reason });
  }
  return { kept, leftOut };
}
