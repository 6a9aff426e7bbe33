import { replicatedKeysOf } from '../backend/object-keys.js';
import { tokenValues } from '../backend/tokens.js';
import { renderInstanceBackend } from '../backend/render-backend.js';
import type { BackendConfig, Instance, LayerGraph } from '../graph/types.js';
import type { Manifest } from '../manifest/types.js';
import { regionRoleOf } from '../manifest/primary-region.js';

export function stateRegionOf(instance: Instance, manifest: Manifest): string {
  return instance.region ?? manifest.backend.globalRegion;
}

/**
 * Where replication copies the instance's state: its backend rendered for the replica region (the replica's
 * bucket, endpoint, credentials), at the object key the state has in its own region, which replication keeps.
 */
export function replicaBackend(
  manifest: Manifest,
  graph: Pick<LayerGraph, 'backendOf'>,
  instance: Instance,
  replicaRegion: string,
): BackendConfig {
  const rendered = renderInstanceBackend(
    manifest.backend,
    tokenValues(instance, replicaRegion, regionRoleOf(manifest, replicaRegion)),
  );
  const config = { ...rendered.config };
  const own = graph.backendOf(instance).config;
  for (const key of replicatedKeysOf(manifest.backend.type)) {
    const value = own[key];
    if (value !== undefined) config[key] = value;
  }
  return { ...rendered, config };
}
