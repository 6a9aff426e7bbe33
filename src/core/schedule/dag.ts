import { countsOf, graphIndexOf, type Edges } from '../graph/graph-index.js';
import type { LayerGraph } from '../graph/types.js';

/** What the scheduler needs of a graph: ids in a stable order and, for each, the ids it waits for. */
export interface Dag {
  ids: readonly string[];
  dependsOn: ReadonlyMap<string, readonly string[]>;
}

/**
 * A Dag's edges over positions in `dag.ids`, kept beside the Dags that selection builds from a graph so that
 * scheduling a large estate walks integers rather than maps of ids. A Dag is immutable data: what is derived
 * from it once stays true.
 */
export interface DagIndex {
  /** How many ids each position waits for. */
  dependencyCounts: Int32Array;
  /** What waits for each position, in ascending order (which is `dag.ids` order). */
  dependents: Edges;
  /** Each position's wave, when already known. */
  levels: Int32Array | undefined;
  /**
   * The graph the Dag was selected from and where each position's instance sits in `graph.instances`
   * (positions undefined: the same as the Dag's).
   */
  origin: { graph: LayerGraph; positions: Int32Array | undefined };
}

const indexes = new WeakMap<Dag, DagIndex>();

/** Returns the Dag, remembering its index; `index` must describe exactly the Dag's edges. */
export function withDagIndex(dag: Dag, index: DagIndex): Dag {
  indexes.set(dag, index);
  return dag;
}

/** The index of a Dag built by dagOfGraph or selectInstances; undefined for any other Dag. */
export function dagIndexOf(dag: Dag): DagIndex | undefined {
  return indexes.get(dag);
}

export function dagOfGraph(graph: LayerGraph): Dag {
  const ids = new Array<string>(graph.instances.length);
  const dependsOn = new Map<string, readonly string[]>();
  graph.instances.forEach((instance, position) => {
    ids[position] = instance.id;
    dependsOn.set(instance.id, instance.dependsOn);
  });
  const index = graphIndexOf(graph);
  return withDagIndex(
    { ids, dependsOn },
    {
      dependencyCounts: countsOf(index.dependsOn.start),
      dependents: index.dependents,
      levels: index.levels,
      origin: { graph, positions: undefined },
    },
  );
}

/** The same instances with every edge turned round: destroy removes dependents before what they depend on. */
export function reverseDag(dag: Dag): Dag {
  const reversed = new Map<string, string[]>(dag.ids.map((id) => [id, []]));
  for (const id of dag.ids)
    for (const dependency of dag.dependsOn.get(id) ?? []) reversed.get(dependency)?.push(id);
  for (const list of reversed.values()) list.sort();
  return { ids: dag.ids, dependsOn: reversed };
}

/** id -> ids that wait for it. */
export function dependentsOf(dag: Dag): Map<string, string[]> {
  const index = dagIndexOf(dag);
  if (index) {
    const { start, targets } = index.dependents;
    const dependents = new Map<string, string[]>();
    dag.ids.forEach((id, position) => {
      const list = new Array<string>(start[position + 1]! - start[position]!);
      for (let at = start[position]!; at < start[position + 1]!; at++)
        list[at - start[position]!] = dag.ids[targets[at]!]!;
      dependents.set(id, list);
    });
    return dependents;
  }
  const dependents = new Map<string, string[]>(dag.ids.map((id) => [id, []]));
  for (const id of dag.ids)
    for (const dependency of dag.dependsOn.get(id) ?? []) dependents.get(dependency)?.push(id);
  return dependents;
}

/** Ids in an order where each comes after everything it depends on (Kahn), ties kept in `dag.ids` order. */
export function topologicalOrder(dag: Dag): string[] {
  const index = dagIndexOf(dag);
  if (index) {
    const positions = topologicalPositions(index);
    if (!positions) throw new Error('topologicalOrder: the graph has a cycle');
    return Array.from(positions, (position) => dag.ids[position]!);
  }
  const dependents = dependentsOf(dag);
  const waiting = new Map(dag.ids.map((id) => [id, (dag.dependsOn.get(id) ?? []).length]));
  const order = dag.ids.filter((id) => waiting.get(id) === 0);
  for (let index = 0; index < order.length; index++) {
    for (const dependent of dependents.get(order[index]!)!) {
      const left = waiting.get(dependent)! - 1;
      waiting.set(dependent, left);
      if (left === 0) order.push(dependent);
    }
  }
  if (order.length !== dag.ids.length) throw new Error('topologicalOrder: the graph has a cycle');
  return order;
}

/** topologicalOrder over positions, or undefined when there is a cycle. */
export function topologicalPositions(index: DagIndex): Int32Array | undefined {
  const { start, targets } = index.dependents;
  const count = index.dependencyCounts.length;
  const waiting = index.dependencyCounts.slice();
  const order = new Int32Array(count);
  let tail = 0;
  for (let position = 0; position < count; position++) if (waiting[position] === 0) order[tail++] = position;
  for (let head = 0; head < tail; head++) {
    const position = order[head]!;
    for (let at = start[position]!; at < start[position + 1]!; at++) {
      if (--waiting[targets[at]!]! === 0) order[tail++] = targets[at]!;
    }
  }
  return tail === count ? order : undefined;
}
