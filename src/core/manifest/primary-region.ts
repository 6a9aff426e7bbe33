import type { Manifest } from './types.js';

/** The name of the manifest's one primary region (parseManifest checks that there is exactly one). */
export function primaryRegionOf(manifest: Pick<Manifest, 'regions'>): string {
  return manifest.regions.find((region) => region.role === 'primary')!.name;
}
