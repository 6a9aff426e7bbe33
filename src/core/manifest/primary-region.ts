import type { Manifest, RegionSpec } from './types.js';

/** The name of the manifest's one primary region (parseManifest checks that there is exactly one). */
export function primaryRegionOf(manifest: Pick<Manifest, 'regions'>): string {
  const primary = manifest.regions.find((region) => region.role === 'primary');
  if (!primary) throw new Error('Internal error: the manifest has no primary region');
  return primary.name;
}

/** The role of a region the manifest declares (backend replicas and failover targets are checked to be). */
export function regionRoleOf(manifest: Pick<Manifest, 'regions'>, name: string): RegionSpec['role'] {
  const region = manifest.regions.find((candidate) => candidate.name === name);
  if (!region) throw new Error(`Internal error: no region '${name}' in the manifest`);
  return region.role;
}
