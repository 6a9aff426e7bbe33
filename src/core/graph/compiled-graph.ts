import { countsOf, reverseEdges, type Edges } from './edges.js';
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
  return compileEdges(ids, { start, targets });
}
