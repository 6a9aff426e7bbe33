import type { Instance, LayerGraph } from '../graph/types.js';
import type { DrStrategy, LayerSpec, Manifest } from '../manifest/types.js';
import { getOrThrow } from '../lookup.js';

type StrategyOf = (account: string, environment: string) => DrStrategy;

/** Each environment's strategy by account and name, looked up once rather than searched for per instance. */
function strategyLookup(manifest: Manifest): StrategyOf {
  const strategies = new Map<string, DrStrategy>();
  for (const account of manifest.accounts) {
    for (const environment of account.environments) {
      strategies.set(`${account.name}/${environment.name}`, environment.strategy);
    }
  }
  return (account, environment) => getOrThrow(strategies, `${account}/${environment}`, 'environment');
}

/** Where an instance stands in steady state: its role, or null when the DR strategy keeps it out. */
export type SteadyStateRoleOf = (instance: Instance) => 'primary' | 'secondary' | 'standby' | null;

/**
 * The role an instance runs with in steady state, or null when its DR strategy keeps it out of that region
 * until a failover. Secondary regions hold: region layers marked `standby` (the default for region layers);
 * under backup_restore, environment layers only when marked `standby`; under pilot_light and warm_standby,
 * every environment layer, with role `standby` so its code can scale it down. Global and account instances
 * have no region, hence no role, and always exist. The lookups are built once for the whole manifest.
 */
export function steadyStateRoles(manifest: Manifest): SteadyStateRoleOf {
  const layers = new Map<string, LayerSpec>(manifest.layers.map((layer) => [layer.name, layer]));
  // Only backup_restore keeps an environment layer out: without it, no look-up per instance (100,000 of them).
  const hasBackupRestore = manifest.accounts.some((account) =>
    account.environments.some((environment) => environment.strategy === 'backup_restore'),
  );
  const strategyOf = hasBackupRestore ? strategyLookup(manifest) : undefined;
  return (instance) => {
    if (instance.region === null) return null;
    if (instance.role === 'primary') return 'primary';
    const { standby } = getOrThrow(layers, instance.layer, 'layer');
    // A region instance (scope region) has no environment.
    if (instance.account === null || instance.environment === null) return standby ? 'secondary' : null;
    if (strategyOf?.(instance.account, instance.environment) === 'backup_restore')
      return standby ? 'standby' : null;
    return 'standby';
  };
}

/** Ids of the instances that exist in steady state: what normal plan and apply work on. */
export function steadyStateIds(graph: LayerGraph, manifest: Manifest): Set<string> {
  return idsWhere(graph, existsInSteadyState(manifest));
}

/**
 * What a normal run may select: undefined when every instance exists in steady state (warm standby and pilot
 * light keep none out), so that no set of 100,000 ids is built to be looked up; else steadyStateIds.
 */
export function steadyStateWithin(graph: LayerGraph, manifest: Manifest): ReadonlySet<string> | undefined {
  const exists = existsInSteadyState(manifest);
  return graph.instances.every(exists) ? undefined : idsWhere(graph, exists);
}

function existsInSteadyState(manifest: Manifest): (instance: Instance) => boolean {
  const roleOf = steadyStateRoles(manifest);
  return (instance) => instance.region === null || roleOf(instance) !== null;
}

function idsWhere(graph: LayerGraph, keep: (instance: Instance) => boolean): Set<string> {
  const ids = new Set<string>();
  for (const instance of graph.instances) if (keep(instance)) ids.add(instance.id);
  return ids;
}
