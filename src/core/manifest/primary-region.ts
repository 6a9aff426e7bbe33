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

/**
 * The primary region of an account, or of one of its environments: the environment's `primary_region`, else
 * its account's, else the region roles' primary. Global instances (no account) have the region roles' primary.
 * This is what a failover of one account or environment moves, leaving the rest of the estate where it is.
 */
export function primaryRegionFor(
  manifest: Pick<Manifest, 'regions' | 'accounts'>,
  account: string | null,
  environment: string | null,
): string {
  const accountSpec =
    account === null ? undefined : manifest.accounts.find((candidate) => candidate.name === account);
  const environmentSpec =
    environment === null
      ? undefined
      : accountSpec?.environments.find((candidate) => candidate.name === environment);
  return environmentSpec?.primaryRegion ?? accountSpec?.primaryRegion ?? primaryRegionOf(manifest);
}
