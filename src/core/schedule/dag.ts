import { compiledGraphOf } from '../graph/compiled-graph.js';
import { countsOf, edgesOfLists, idListsOf, reverseEdges, type Edges } from '../graph/edges.js';
import { topologicalLevels, type TopologicalLevels } from '../graph/topological-levels.js';
import type { LayerGraph } from '../graph/types.js';
import { definedOrThrow, itemAt } from '../lookup.js';

/** What the scheduler needs of a graph: ids in a stable order and, for each, the ids it waits for. */
export interface Dag {
  ids: readonly string[];
  dependsOn: ReadonlyMap<string, readonly string[]>;
}

/** A Dag's edges over positions in `dag.ids`: what every scheduling pass reads. */
export interface DagIndex {
  /** How many ids each position waits for. */
  dependencyCounts: Int32Array;
  /** What waits for each position, in ascending order (which is `dag.ids` order). */
  dependents: Edges;
  /**
   * The graph the Dag was selected from and where each position's instance sits in `graph.instances`
   * (positions undefined: the same as the Dag's), or undefined for a Dag compiled from plain data.
   */
  origin: { graph: LayerGraph; positions: Int32Array | undefined } | undefined;
}

/**
 * A Dag together with its compiled form. dagOfGraph, selectInstances and reverseDag return these; any other
 * Dag (plain data) is compiled when it is scheduled, so each scheduling algorithm exists once, over positions.
 */
export class CompiledDag implements Dag, DagIndex {
  private dependsOnMap: ReadonlyMap<string, readonly string[]> | undefined;

  constructor(
    readonly ids: readonly string[],
    /** Undefined for the Dag of a whole graph (origin without positions): made from its instances on first use. */
    dependsOn: ReadonlyMap<string, readonly string[]> | undefined,
    readonly dependencyCounts: Int32Array,
    readonly dependents: Edges,
    readonly origin: DagIndex['origin'],
    /** The topological pass, when the graph it came from had already made it. */
    readonly knownTopology?: TopologicalLevels,
  ) {
    this.dependsOnMap = dependsOn;
  }

  /** A whole graph's is made when first read: `strata graph --format json` reads the instances' own instead. */
  get dependsOn(): ReadonlyMap<string, readonly string[]> {
    if (!this.dependsOnMap) {
      const map = new Map<string, readonly string[]>();
      for (const instance of definedOrThrow(this.origin, 'the graph of a Dag').graph.instances)
        map.set(instance.id, instance.dependsOn);
      this.dependsOnMap = map;
    }
    return this.dependsOnMap;
  }
}

/** The compiled form a Dag carries (from dagOfGraph, selectInstances or reverseDag); undefined for plain data. */
export function dagIndexOf(dag: Dag): DagIndex | undefined {
  return dag instanceof CompiledDag ? dag : undefined;
}

/** The Dag compiled: itself when it already is, otherwise its ids numbered and its edges made positions. */
export function compiledDagOf(dag: Dag): CompiledDag {
  if (dag instanceof CompiledDag) return dag;
  const positions = new Map<string, number>();
  dag.ids.forEach((id, position) => positions.set(id, position));
  const { edges, counts } = edgesOfLists(
    dag.ids,
    (id) => dag.dependsOn.get(id),
    (id) => positions.get(id),
  );
  return new CompiledDag(dag.ids, dag.dependsOn, counts, reverseEdges(dag.ids.length, edges), undefined);
}

/** Kahn's order and levels of a compiled Dag, or undefined when it has a cycle. */
export function topologyOf(dag: CompiledDag): TopologicalLevels | undefined {
  return dag.knownTopology ?? topologicalLevels(dag.dependencyCounts, dag.dependents);
}

export function dagOfGraph(graph: LayerGraph): Dag {
  const compiled = compiledGraphOf(graph);
  return new CompiledDag(
    compiled.ids,
    undefined,
    countsOf(compiled.dependsOn.start),
    compiled.dependents,
    { graph, positions: undefined },
    compiled.topology,
  );
}

/** The same instances with every edge turned round: destroy removes dependents before what they depend on. */
export function reverseDag(dag: Dag): Dag {
  const compiled = compiledDagOf(dag);
  const { ids } = compiled;
  const reversed = new Map<string, string[]>();
  ids.forEach((id, position) => reversed.set(id, idListsOf(compiled.dependents, ids, position).sort()));
  return new CompiledDag(
    ids,
    reversed,
    countsOf(compiled.dependents.start),
    reverseEdges(ids.length, compiled.dependents),
    compiled.origin,
  );
}

/** id -> ids that wait for it, in `dag.ids` order. */
export function dependentsOf(dag: Dag): Map<string, string[]> {
  const { ids, dependents } = compiledDagOf(dag);
  const map = new Map<string, string[]>();
  ids.forEach((id, position) => map.set(id, idListsOf(dependents, ids, position)));
  return map;
}

/** Ids in an order where each comes after everything it depends on (Kahn), ties kept in `dag.ids` order. */
export function topologicalOrder(dag: Dag): string[] {
  const compiled = compiledDagOf(dag);
  const topology = topologyOf(compiled);
  if (!topology) throw new Error('topologicalOrder: the graph has a cycle');
  return Array.from(topology.order, (position) => itemAt(compiled.ids, position, 'id'));
}
