import { UsageError } from '../errors.js';
import { expandManifest } from '../graph/expand-manifest.js';
import type { BackendConfig, LayerGraph } from '../graph/types.js';
import { checkRegionDeclared } from '../manifest/check-region.js';
import type { Manifest, ParsedManifest } from '../manifest/types.js';
import type { Dag } from '../schedule/dag.js';
import { selectInstances } from '../selection/select-instances.js';
import { getOrThrow } from '../lookup.js';
import { replicaBackend, stateRegionOf } from './replica-backend.js';
import { describeScope, movePrimary, currentPrimaryOf, scopeOf, type MoveScope } from './failover-scope.js';

export interface FailoverRequest {
  to: string;
  /** Default: the primary region of what is failed over (the estate, or the accounts or environments). */
  from?: string | undefined;
  /** Fail over even though the manifest already names `to` as primary. */
  force: boolean;
  accounts?: readonly string[] | undefined;
  environments?: readonly string[] | undefined;
  layers?: readonly string[] | undefined;
}

/** Instance context in a failover: the target takes over as primary, and its code knows it is a failover. */
export interface FailoverContext {
  role: 'primary';
  failover: true;
  failedRegion: string;
}

export interface FailoverPlan {
  from: string;
  to: string;
  /**
   * What moves: the estate, or (with accounts or environments selected) only those, whose `primary_region`
   * becomes `to` while the rest of the estate keeps its primary (core/dr/failover-scope.ts).
   */
  scope: MoveScope;
  /** The manifest once the scope's primary is `to`. */
  manifest: Manifest;
  /**
   * The graph of that manifest: the scope's instances in `to` are primary; for the estate, `region: primary`
   * selectors point at `to` too (an account's or environment's move leaves them on the region roles' primary).
   */
  graph: LayerGraph;
  /** What the target region needs: region and environment layers marked `failover: apply`, in order. */
  dag: Dag;
  context: FailoverContext;
  /**
   * Upstream instances whose state lives in the failed region: their outputs are read, read-only, from the
   * replica of that state (`backend.replicas`), never from the failed region.
   */
  replicaBackends: Map<string, BackendConfig>;
  /** Environments that cannot fail over (not declared in the target region), for the report. */
  notes: string[];
}

/**
 * What a failover from `from` (default: the primary) to `to` does, worked out before anything runs, so every
 * refusal comes first: unknown regions, `to` equal to `from`, a target already primary (unless forced), a
 * selection with nothing that can move to the target.
 */
export function planFailover(
  { manifest, locations }: ParsedManifest,
  request: FailoverRequest,
): FailoverPlan {
  const scope = scopeOf(manifest, request);
  checkRegionDeclared(manifest, request.to, 'to');
  const primary = currentPrimaryOf(manifest, scope, undefined);
  const from = request.from ?? primary;
  checkRegionDeclared(manifest, from, 'from');
  const to = request.to;
  if (to === from) {
    throw new UsageError(
      (name) => `${name('to')} ${to} is the region being failed over from; choose a region that is up`,
    );
  }
  if (to === primary && !request.force) {
    throw new UsageError(
      (name) =>
        `The manifest already names ${to} as the primary region${scope.length === 0 ? '' : ` of ${describeScope(scope)}`}: a failover to it has nothing to take over. If the roles in ${manifest.file} were swapped before the failover ran, use ${name('force')}.`,
    );
  }
  if (
    [manifest.backend.config, ...Object.values(manifest.backend.regionConfig)].some((config) =>
      Object.values(config).some((value) => typeof value === 'string' && value.includes('{role}')),
    )
  ) {
    throw new UsageError(
      `backend.config uses {role}: a failover changes the roles, so every state location would move with it. Key the state by {region} (and {account}, {id}) instead, then fail over.`,
    );
  }
  for (const account of request.accounts ?? []) {
    const spec = manifest.accounts.find((candidate) => candidate.name === account);
    if (spec && !spec.regions.includes(to)) {
      throw new UsageError(`Account '${account}' has no region ${to}; it cannot fail over there`);
    }
  }

  const after = movePrimary(manifest, to, scope);
  const graph = expandManifest({ manifest: after, locations });
  const layers = new Map(after.layers.map((layer) => [layer.name, layer]));
  const notes: string[] = [];
  for (const account of manifest.accounts) {
    if (request.accounts?.length && !request.accounts.includes(account.name)) continue;
    for (const environment of account.environments) {
      if (request.environments?.length && !request.environments.includes(environment.name)) continue;
      if (environment.regions.includes(from) && !environment.regions.includes(to)) {
        notes.push(
          `${account.name}/${environment.name} runs only in ${environment.regions.join(', ')}: it has no DR target in ${to} and is not failed over`,
        );
      }
    }
  }
  const target = new Set(
    graph.instances
      .filter(
        (instance) =>
          instance.region === to && getOrThrow(layers, instance.layer, 'layer').failover === 'apply',
      )
      .map((instance) => instance.id),
  );
  const dag = selectInstances(graph, {
    accounts: request.accounts,
    environments: request.environments,
    layers: request.layers,
    within: target,
  });
  if (dag.ids.length === 0) {
    throw new UsageError(
      `Nothing to fail over to ${to} with this selection: no region or environment layer with 'failover: apply' runs there${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`,
    );
  }
  return {
    from,
    to,
    scope,
    manifest: after,
    graph,
    dag,
    context: { role: 'primary', failover: true, failedRegion: from },
    replicaBackends: replicaBackendsFor(manifest, graph, dag, from),
    notes,
  };
}

/** Upstreams outside the failover set whose state sits in the failed region, with their replica's backend. */
function replicaBackendsFor(
  manifest: Manifest,
  graph: LayerGraph,
  dag: Dag,
  from: string,
): Map<string, BackendConfig> {
  const selected = new Set(dag.ids);
  const upstream = new Set<string>();
  const stack = [...dag.ids];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    for (const dependency of getOrThrow(graph.byId, id, 'instance').dependsOn) {
      if (selected.has(dependency) || upstream.has(dependency)) continue;
      upstream.add(dependency);
      stack.push(dependency);
    }
  }
  const replicas = new Map<string, BackendConfig>();
  for (const id of [...upstream].sort()) {
    const instance = getOrThrow(graph.byId, id, 'instance');
    if (stateRegionOf(instance, manifest) !== from) continue;
    const replica = manifest.backend.replicas[from];
    if (replica === undefined) {
      throw new UsageError(
        `The outputs of ${id} are needed, but its state is in the failed region ${from} and backend.replicas names no replica of ${from}; replicate the state bucket and add 'replicas: { ${from}: <region> }' to the backend`,
      );
    }
    replicas.set(id, replicaBackend(manifest, graph, instance, replica));
  }
  return replicas;
}
