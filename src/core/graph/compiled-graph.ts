import { countsOf, edgesOfLists, reverseEdges, type Edges } from './edges.js';
import { topologicalLevels, type TopologicalLevels } from './topological-levels.js';
import type { Instance, LayerGraph } from './types.js';
import { ExpandedGraph } from './expanded-graph.js';

/**
 * A graph as integers, the one form every pass over the whole graph reads (cycle check, waves, selection):
 * instance positions, their ids, and edges between positions. On 100,000 instances, arrays of positions cost
 * a fraction of maps and lists of ids; the string views of `LayerGraph` are derived from this.
 */
export interface CompiledGraph {
  /** instances[p].id */
  ids: readonly string[];
  /** What each position depends on, in the order of its instance's `dependsOn` (sorted by id). */
  dependsOn: Edges;
  /** What waits for each position, in ascending position order. */
  dependents: Edges;
  /** Kahn's order and each position's wave, or undefined when the graph has a cycle. */
  topology: TopologicalLevels | undefined;
}

/** Compiles edges that are already positions: the dependents and the topological pass follow from them. */
export function compileEdges(ids: readonly string[], dependsOn: Edges): CompiledGraph {
  const dependents = reverseEdges(ids.length, dependsOn);
  return { ids, dependsOn, dependents, topology: topologicalLevels(countsOf(dependsOn.start), dependents) };
}

/** The compiled form of a graph: kept by one from expandManifest, compiled now for one assembled elsewhere (tests). */
export function compiledGraphOf(graph: LayerGraph): CompiledGraph {
  return graph instanceof ExpandedGraph ? graph.compiled : compileInstances(graph.instances);
}

function compileInstances(instances: readonly Instance[]): CompiledGraph {
  const positions = new Map<string, number>();
  const ids = instances.map((instance, position) => {
    positions.set(instance.id, position);
    return instance.id;
  });
  const { edges } = edgesOfLists(
    instances,
    (instance) => instance.dependsOn,
    (id, from) => {
      const target = positions.get(id);
      if (target === undefined) throw new Error(`'${String(ids[from])}' depends on unknown '${id}'`);
      return target;
    },
  );
  return compileEdges(ids, edges);
}
