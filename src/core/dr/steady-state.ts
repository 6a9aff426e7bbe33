import type { Instance, LayerGraph } from '../graph/types.js';
import type { LayerSpec, Manifest } from '../manifest/types.js';

/**
 * The role an instance runs with in steady state, or null when its DR strategy keeps it out of that region
 * until a failover. Secondary regions hold: region layers marked `standby` (the default for region layers);
 * under backup_restore, environment layers only when marked `standby`; under pilot_light and warm_standby,
 * every environment layer, with role `standby` so its code can scale it down.
 */
export function steadyStateRole(
  instance: Instance,
  layer: LayerSpec,
  manifest: Manifest,
): 'primary' | 'secondary' | 'standby' | null {
  if (instance.region === null) return null;
  if (instance.role === 'primary') return 'primary';
  if (instance.scope === 'region') return layer.standby ? 'secondary' : null;
  const account = manifest.accounts.find((candidate) => candidate.name === instance.account)!;
  const environment = account.environments.find((candidate) => candidate.name === instance.environment)!;
  if (environment.strategy === 'backup_restore') return layer.standby ? 'standby' : null;
  return 'standby';
}

/** Ids of the instances that exist in steady state: what normal plan and apply work on. */
export function steadyStateIds(graph: LayerGraph, manifest: Manifest): Set<string> {
  const layers = new Map(manifest.layers.map((layer) => [layer.name, layer]));
  const ids = new Set<string>();
  for (const instance of graph.instances) {
    if (
      instance.region === null ||
      steadyStateRole(instance, layers.get(instance.layer)!, manifest) !== null
    ) {
      ids.add(instance.id);
    }
  }
  return ids;
}
