import type { Instance, LayerGraph } from './types.js';

/** Edges between positions (in `graph.instances`, or in `dag.ids`): p's are `targets[start[p]..start[p + 1])`. */
export interface Edges {
  start: Int32Array;
  targets: Int32Array;
}

/**
 * A LayerGraph's edges as integers, for the passes that visit every instance (cycle check, waves, selection):
 * on 100,000 instances, arrays of positions cost a fraction of maps and lists of ids.
 */
export interface GraphIndex {
  /** What each instance depends on, in the order of its `dependsOn`. */
  dependsOn: Edges;
  /** What waits for each instance, in instance order. */
  dependents: Edges;
  /** Each instance's wave in the whole graph (0: depends on nothing), or undefined when the graph has a cycle. */
  levels: Int32Array | undefined;
}

const indexes = new WeakMap<LayerGraph, GraphIndex>();

/** Keeps the index expandManifest worked out while checking a graph, for the passes after it. */
export function rememberGraphIndex(graph: LayerGraph, index: GraphIndex): void {
  indexes.set(graph, index);
}

/** The index of a graph from expandManifest, or one built now for a graph assembled elsewhere (tests). */
export function graphIndexOf(graph: LayerGraph): GraphIndex {
  return indexes.get(graph) ?? indexGraph(graph.instances);
}

function indexGraph(instances: readonly Instance[]): GraphIndex {
  const positions = new Map<string, number>();
  instances.forEach((instance, position) => positions.set(instance.id, position));
  let count = 0;
  for (const instance of instances) count += instance.dependsOn.length;
  const start = new Int32Array(instances.length + 1);
  const targets = new Int32Array(count);
  let used = 0;
  instances.forEach((instance, position) => {
    for (const dependency of instance.dependsOn) {
      const target = positions.get(dependency);
      if (target === undefined) throw new Error(`'${instance.id}' depends on unknown '${dependency}'`);
      targets[used++] = target;
    }
    start[position + 1] = used;
  });
  const dependsOn = { start, targets };
  const dependents = reverseEdges(instances.length, dependsOn);
  return { dependsOn, dependents, levels: levelsOf(countsOf(start), dependents) };
}

/** The same edges turned round, each position's list in ascending order. */
export function reverseEdges(count: number, edges: Edges): Edges {
  const start = new Int32Array(count + 1);
  for (let at = 0; at < edges.targets.length; at++) start[edges.targets[at]! + 1]!++;
  for (let position = 0; position < count; position++) start[position + 1]! += start[position]!;
  const next = start.slice(0, count);
  const targets = new Int32Array(edges.targets.length);
  for (let position = 0; position < count; position++) {
    for (let at = edges.start[position]!; at < edges.start[position + 1]!; at++) {
      targets[next[edges.targets[at]!]!++] = position;
    }
  }
  return { start, targets };
}

/** How many edges leave each position, from start offsets. */
export function countsOf(start: Int32Array): Int32Array {
  const counts = new Int32Array(start.length - 1);
  for (let position = 0; position < counts.length; position++)
    counts[position] = start[position + 1]! - start[position]!;
  return counts;
}

/**
 * Kahn's algorithm over positions: each one's level is one more than its highest dependency's (0 without
 * any), which is its wave. Undefined when some positions are never released: the edges have a cycle.
 */
export function levelsOf(dependencyCounts: Int32Array, dependents: Edges): Int32Array | undefined {
  const count = dependencyCounts.length;
  const waiting = dependencyCounts.slice();
  const levels = new Int32Array(count);
  const queue = new Int32Array(count);
  let tail = 0;
  for (let position = 0; position < count; position++) if (waiting[position] === 0) queue[tail++] = position;
  for (let head = 0; head < tail; head++) {
    const position = queue[head]!;
    const level = levels[position]! + 1;
    for (let at = dependents.start[position]!; at < dependents.start[position + 1]!; at++) {
      const dependent = dependents.targets[at]!;
      if (levels[dependent]! < level) levels[dependent] = level;
      if (--waiting[dependent]! === 0) queue[tail++] = dependent;
    }
  }
  return tail === count ? levels : undefined;
}

/** id -> ids that depend on it, sorted, as `LayerGraph.dependents` has it. */
export function dependentsMap(instances: readonly Instance[], dependents: Edges): Map<string, string[]> {
  const map = new Map<string, string[]>();
  instances.forEach((instance, position) => {
    const list: string[] = [];
    for (let at = dependents.start[position]!; at < dependents.start[position + 1]!; at++) {
      list.push(instances[dependents.targets[at]!]!.id);
    }
    map.set(instance.id, list.sort());
  });
  return map;
}

/**
 * Sorts `list[from..to)`, positions, by their ids (as compareIds orders them): insertion sort for the usual
 * handful, the built-in sort for a fan-in.
 */
export function sortByIds(list: Int32Array, from: number, to: number, ids: readonly string[]): void {
  if (to - from > 16) {
    list.subarray(from, to).sort((a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0));
    return;
  }
  for (let index = from + 1; index < to; index++) {
    const position = list[index]!;
    const id = ids[position]!;
    let at = index - 1;
    while (at >= from && ids[list[at]!]! > id) {
      list[at + 1] = list[at]!;
      at--;
    }
    list[at + 1] = position;
  }
}
