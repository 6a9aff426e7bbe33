import { UsageError } from '../errors.js';
import type { Instance, LayerGraph } from '../graph/types.js';
import { closestName } from '../manifest/closest-name.js';
import type { Dag } from '../schedule/dag.js';

export interface SelectionFilter {
  accounts?: readonly string[];
  regions?: readonly string[];
  environments?: readonly string[];
  layers?: readonly string[];
  /** Exact instance ids (a matrix job's share). */
  instances?: readonly string[];
  changes?: ChangedFiles;
  /** Only these ids can be selected at all (e.g. the instances that exist in steady state). */
  within?: ReadonlySet<string>;
}

export interface ChangedFiles {
  /** Changed files, relative to the manifest's directory, `/`-separated. */
  files: readonly string[];
  /** Directories whose change affects a layer: its own path and the local modules its code uses. */
  watchedPaths: ReadonlyMap<string, readonly string[]>;
  /** The manifest itself changed: every instance may be rendered differently, so all are affected. */
  manifestChanged: boolean;
}

/**
 * Picks the instances a run works on, as a Dag that keeps every ordering between them, including an edge
 * that runs through an instance that was not selected (a -> x -> b with only a and b selected keeps a -> b).
 *
 * A filter on a coordinate keeps only instances that have it: `--region` leaves out global and account
 * instances, `--environment` leaves out everything coarser than an environment. Changed files select the
 * instances they affect plus everything downstream of those; upstream instances stay out and their outputs
 * are read from state.
 */
export function selectInstances(graph: LayerGraph, filter: SelectionFilter): Dag {
  checkFilterNames(graph, filter);
  const sets = {
    account: toSet(filter.accounts),
    region: toSet(filter.regions),
    environment: toSet(filter.environments),
    layer: toSet(filter.layers),
  };
  const ids = toSet(filter.instances);
  const matchesFilters = (instance: Instance) =>
    (!sets.account || (instance.account !== null && sets.account.has(instance.account))) &&
    (!sets.region || (instance.region !== null && sets.region.has(instance.region))) &&
    (!sets.environment || (instance.environment !== null && sets.environment.has(instance.environment))) &&
    (!sets.layer || sets.layer.has(instance.layer)) &&
    (!ids || ids.has(instance.id)) &&
    (!filter.within || filter.within.has(instance.id));

  const downstream = filter.changes ? affectedWithDependents(graph, filter.changes) : undefined;
  const selected = new Set(
    graph.instances
      .filter((instance) => matchesFilters(instance) && (!downstream || downstream.has(instance.id)))
      .map((i) => i.id),
  );
  return inducedDag(graph, selected);
}

function toSet(values: readonly string[] | undefined): Set<string> | undefined {
  return values && values.length > 0 ? new Set(values) : undefined;
}

function checkFilterNames(graph: LayerGraph, filter: SelectionFilter) {
  const known = {
    account: new Set<string>(),
    region: new Set<string>(),
    environment: new Set<string>(),
    layer: new Set<string>(),
  };
  for (const instance of graph.instances) {
    if (instance.account !== null) known.account.add(instance.account);
    if (instance.region !== null) known.region.add(instance.region);
    if (instance.environment !== null) known.environment.add(instance.environment);
    known.layer.add(instance.layer);
  }
  const check = (kind: keyof typeof known, values: readonly string[] | undefined) => {
    for (const value of values ?? []) {
      if (!known[kind].has(value)) {
        const hint = closestName(value, known[kind]);
        throw new UsageError(
          `Unknown ${kind} '${value}'${hint ? ` (did you mean '${hint}'?)` : ''}; the manifest has: ${[...known[kind]].join(', ')}`,
        );
      }
    }
  };
  check('account', filter.accounts);
  check('region', filter.regions);
  check('environment', filter.environments);
  check('layer', filter.layers);
  for (const id of filter.instances ?? []) {
    if (!graph.byId.has(id)) {
      const hint = closestName(id, graph.byId.keys());
      throw new UsageError(
        `Unknown instance '${id}'${hint ? ` (did you mean '${hint}'?)` : ''}; 'strata graph' lists the ids`,
      );
    }
  }
}

function affectedWithDependents(graph: LayerGraph, changes: ChangedFiles): Set<string> {
  const isAffected = (layer: string) =>
    changes.manifestChanged ||
    (changes.watchedPaths.get(layer) ?? []).some((dir) =>
      changes.files.some((file) => dir === '.' || file === dir || file.startsWith(`${dir}/`)),
    );
  const affectedLayers = new Set([...new Set(graph.instances.map((i) => i.layer))].filter(isAffected));
  const result = new Set<string>();
  const stack = graph.instances
    .filter((instance) => affectedLayers.has(instance.layer))
    .map((instance) => instance.id);
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (result.has(id)) continue;
    result.add(id);
    stack.push(...(graph.dependents.get(id) ?? []));
  }
  return result;
}

/**
 * The selected ids with, for each, the nearest selected instances upstream: found by walking up through
 * unselected instances, memoised so that a large graph is walked once.
 */
export function inducedDag(graph: LayerGraph, selected: ReadonlySet<string>): Dag {
  const nearestSelected = new Map<string, readonly string[]>();
  const resolve = (start: string): readonly string[] => {
    // Iterative post-order over unselected ancestors, so a long chain cannot overflow the stack.
    const stack = [start];
    while (stack.length > 0) {
      const id = stack[stack.length - 1]!;
      if (nearestSelected.has(id)) {
        stack.pop();
        continue;
      }
      const pending = graph.byId
        .get(id)!
        .dependsOn.filter((d) => !selected.has(d) && !nearestSelected.has(d));
      if (pending.length > 0) {
        stack.push(...pending);
        continue;
      }
      const found = new Set<string>();
      for (const dependency of graph.byId.get(id)!.dependsOn) {
        if (selected.has(dependency)) found.add(dependency);
        else for (const upstream of nearestSelected.get(dependency)!) found.add(upstream);
      }
      nearestSelected.set(id, [...found].sort());
      stack.pop();
    }
    return nearestSelected.get(start)!;
  };
  const ids = graph.instances.filter((instance) => selected.has(instance.id)).map((instance) => instance.id);
  const dependsOn = new Map<string, readonly string[]>();
  for (const id of ids) {
    const instance = graph.byId.get(id)!;
    const direct = instance.dependsOn.every((d) => selected.has(d));
    // For a selected id, resolve() walks its unselected ancestors; the memo must not treat it as one.
    dependsOn.set(id, direct ? instance.dependsOn : nearestThrough(instance.dependsOn, selected, resolve));
  }
  return { ids, dependsOn };
}

function nearestThrough(
  dependsOn: readonly string[],
  selected: ReadonlySet<string>,
  resolve: (id: string) => readonly string[],
) {
  const found = new Set<string>();
  for (const dependency of dependsOn) {
    if (selected.has(dependency)) found.add(dependency);
    else for (const upstream of resolve(dependency)) found.add(upstream);
  }
  return [...found].sort();
}
