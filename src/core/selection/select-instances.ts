import { UsageError } from '../errors.js';
import { suggest } from '../wording.js';
import type { Instance, LayerGraph } from '../graph/types.js';
import { closestName } from '../manifest/closest-name.js';
import { compiledGraphOf } from '../graph/compiled-graph.js';
import { intAt } from '../graph/checked-reads.js';
import { countsOf, reverseEdges } from '../graph/edges.js';
import { definedOrThrow, itemAt } from '../lookup.js';
import { CompiledDag, dagOfGraph, type Dag } from '../schedule/dag.js';

export interface SelectionFilter {
  accounts?: readonly string[] | undefined;
  regions?: readonly string[] | undefined;
  environments?: readonly string[] | undefined;
  layers?: readonly string[] | undefined;
  /** Exact instance ids (a matrix job's share). */
  instances?: readonly string[] | undefined;
  changes?: ChangedFiles | undefined;
  /** Only these ids can be selected at all (e.g. the instances that exist in steady state). */
  within?: ReadonlySet<string> | undefined;
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
  const selected = new Uint8Array(graph.instances.length);
  let count = 0;
  graph.instances.forEach((instance, position) => {
    if (matchesFilters(instance) && (!downstream || downstream[position] === 1)) {
      selected[position] = 1;
      count++;
    }
  });
  return dagOfSelection(graph, selected, count);
}

function toSet(values: readonly string[] | undefined): Set<string> | undefined {
  return values && values.length > 0 ? new Set(values) : undefined;
}

function checkFilterNames(graph: LayerGraph, filter: SelectionFilter) {
  // The names the graph has, gathered only for the kinds the filter uses.
  const known = (kind: 'account' | 'region' | 'environment' | 'layer') => {
    const names = new Set<string>();
    for (const instance of graph.instances) {
      const name = instance[kind];
      if (name !== null) names.add(name);
    }
    return names;
  };
  const check = (
    kind: 'account' | 'region' | 'environment' | 'layer',
    values: readonly string[] | undefined,
  ) => {
    if (!values || values.length === 0) return;
    const names = known(kind);
    for (const value of values) {
      if (!names.has(value)) {
        const hint = closestName(value, names);
        throw new UsageError(
          (name) =>
            `${name(kind)}: unknown ${kind} '${value}'${hint ? ` (did you mean '${hint}'?)` : ''}; the manifest has ${[...names].join(', ')}`,
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
        (name, command) =>
          `${name('instance')}: unknown instance '${id}'${hint ? ` (did you mean '${hint}'?)` : ''}; '${command(suggest('graph'))}' lists the ids`,
      );
    }
  }
}

/** Positions of the instances in affected layers and of everything downstream of them (1 = affected). */
function affectedWithDependents(graph: LayerGraph, changes: ChangedFiles): Uint8Array {
  const isAffected = (layer: string) =>
    changes.manifestChanged ||
    (changes.watchedPaths.get(layer) ?? []).some((dir) =>
      changes.files.some((file) => dir === '.' || file === dir || file.startsWith(`${dir}/`)),
    );
  const affectedLayers = new Set([...new Set(graph.instances.map((i) => i.layer))].filter(isAffected));
  const { dependents } = compiledGraphOf(graph);
  const result = new Uint8Array(graph.instances.length);
  const stack: number[] = [];
  graph.instances.forEach((instance, position) => {
    if (affectedLayers.has(instance.layer)) stack.push(position);
  });
  for (let position = stack.pop(); position !== undefined; position = stack.pop()) {
    if (result[position] === 1) continue;
    result[position] = 1;
    const end = intAt(dependents.start, position + 1);
    for (let at = intAt(dependents.start, position); at < end; at++)
      stack.push(intAt(dependents.targets, at));
  }
  return result;
}

/**
 * The selected ids with, for each, the nearest selected instances upstream: found by walking up through
 * unselected instances, memoised so that a large graph is walked once.
 */
export function inducedDag(graph: LayerGraph, selected: ReadonlySet<string>): Dag {
  const flags = new Uint8Array(graph.instances.length);
  let count = 0;
  graph.instances.forEach((instance, position) => {
    if (selected.has(instance.id)) {
      flags[position] = 1;
      count++;
    }
  });
  return dagOfSelection(graph, flags, count);
}

/** inducedDag over positions (`selected[p]` is 1 for a selected instance), compiled. */
function dagOfSelection(graph: LayerGraph, selected: Uint8Array, count: number): Dag {
  const { instances } = graph;
  // Everything selected: every edge stays as it is.
  if (count === instances.length) return dagOfGraph(graph);
  const ids = new Array<string>(count);
  const dependsOn = new Map<string, readonly string[]>();

  const edges = compiledGraphOf(graph).dependsOn;
  // For an unselected position: the selected positions nearest upstream of it, without repeats.
  const nearest = new Array<number[] | undefined>(instances.length);
  // seenBy[p] === mark: p is already in the list being built under that mark.
  const seenBy = new Int32Array(instances.length).fill(-1);
  let mark = 0;
  // The nearest selected positions upstream of `from`, whose unselected dependencies are all resolved.
  const nearestOf = (from: number): number[] => {
    const list: number[] = [];
    mark++;
    const end = intAt(edges.start, from + 1);
    for (let at = intAt(edges.start, from); at < end; at++) {
      const dependency = intAt(edges.targets, at);
      if (selected[dependency] === 1) {
        if (seenBy[dependency] !== mark) {
          seenBy[dependency] = mark;
          list.push(dependency);
        }
      } else {
        // resolve() filled in every unselected dependency before this position.
        for (const upstream of definedOrThrow(nearest[dependency], 'nearest selected upstream')) {
          if (seenBy[upstream] !== mark) {
            seenBy[upstream] = mark;
            list.push(upstream);
          }
        }
      }
    }
    return list;
  };
  const resolve = (start: number): void => {
    // Iterative post-order over unselected ancestors, so a long chain cannot overflow the stack.
    const stack = [start];
    for (let position = stack.at(-1); position !== undefined; position = stack.at(-1)) {
      if (nearest[position] !== undefined) {
        stack.pop();
        continue;
      }
      let isPending = false;
      const end = intAt(edges.start, position + 1);
      for (let at = intAt(edges.start, position); at < end; at++) {
        const dependency = intAt(edges.targets, at);
        if (selected[dependency] !== 1 && nearest[dependency] === undefined) {
          stack.push(dependency);
          isPending = true;
        }
      }
      if (isPending) continue;
      nearest[position] = nearestOf(position);
      stack.pop();
    }
  };

  const dagPosition = new Int32Array(instances.length).fill(-1);
  const graphPosition = new Int32Array(count);
  const start = new Int32Array(count + 1);
  const targets: number[] = [];
  let next = 0;
  instances.forEach((instance, position) => {
    if (selected[position] !== 1) return;
    dagPosition[position] = next;
    graphPosition[next] = position;
    ids[next] = instance.id;
    const from = intAt(edges.start, position);
    const end = intAt(edges.start, position + 1);
    let isDirect = true;
    for (let at = from; at < end; at++) {
      if (selected[intAt(edges.targets, at)] !== 1) {
        isDirect = false;
        break;
      }
    }
    if (isDirect) {
      dependsOn.set(instance.id, instance.dependsOn);
      for (let at = from; at < end; at++) targets.push(intAt(edges.targets, at));
    } else {
      // For a selected position, resolve() walks its unselected ancestors; the memo must not treat it as one.
      for (let at = from; at < end; at++) {
        const dependency = intAt(edges.targets, at);
        if (selected[dependency] !== 1) resolve(dependency);
      }
      const list = nearestOf(position);
      dependsOn.set(instance.id, list.map((upstream) => itemAt(instances, upstream, 'instance').id).sort());
      for (const upstream of list) targets.push(upstream);
    }
    start[++next] = targets.length;
  });
  // A dependency may come after its dependent in instance order: renumber once every position is known.
  const dagTargets = Int32Array.from(targets, (position) => intAt(dagPosition, position));
  const dagEdges = { start, targets: dagTargets };
  return new CompiledDag(ids, dependsOn, countsOf(start), reverseEdges(count, dagEdges), {
    graph,
    positions: graphPosition,
  });
}
