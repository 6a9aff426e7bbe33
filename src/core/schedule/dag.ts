import type { LayerGraph } from '../graph/types.js';

/** What the scheduler needs of a graph: ids in a stable order and, for each, the ids it waits for. */
export interface Dag {
  ids: readonly string[];
  dependsOn: ReadonlyMap<string, readonly string[]>;
}

export function dagOfGraph(graph: LayerGraph): Dag {
  return {
    ids: graph.instances.map((instance) => instance.id),
    dependsOn: new Map(graph.instances.map((instance) => [instance.id, instance.dependsOn])),
  };
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
  const dependents = new Map<string, string[]>(dag.ids.map((id) => [id, []]));
  for (const id of dag.ids)
    for (const dependency of dag.dependsOn.get(id) ?? []) dependents.get(dependency)?.push(id);
  return dependents;
}

/** Ids in an order where each comes after everything it depends on (Kahn), ties kept in `dag.ids` order. */
export function topologicalOrder(dag: Dag): string[] {
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
