import { floatAt, idAt, intAt } from '../graph/checked-reads.js';
import { compiledDagOf, topologyOf, type Dag } from './dag.js';

/**
 * For each id, the length of the longest chain from its start to the end of the run through what waits for
 * it, counting its own cost (default 1 per instance; recorded durations make it a time). Starting the
 * longest remaining chain first keeps the critical path busy. Visited in reverse topological order, which is
 * the order `cost` is called in and the map's order.
 */
export function remainingPathLengths(dag: Dag, cost: (id: string) => number = () => 1): Map<string, number> {
  const compiled = compiledDagOf(dag);
  const order = topologyOf(compiled)?.order;
  if (!order) throw new Error('topologicalOrder: the graph has a cycle');
  const { start, targets } = compiled.dependents;
  const lengths = new Float64Array(order.length);
  const result = new Map<string, number>();
  for (let at = order.length - 1; at >= 0; at--) {
    const position = intAt(order, at);
    let longest = 0;
    const end = intAt(start, position + 1);
    for (let next = intAt(start, position); next < end; next++)
      longest = Math.max(longest, floatAt(lengths, intAt(targets, next)));
    const id = idAt(compiled.ids, position);
    const length = cost(id) + longest;
    lengths[position] = length;
    result.set(id, length);
  }
  return result;
}

/** The length of the longest chain in the whole graph. */
export function criticalPathLength(dag: Dag, cost: (id: string) => number = () => 1): number {
  let longest = 0;
  for (const length of remainingPathLengths(dag, cost).values()) longest = Math.max(longest, length);
  return longest;
}
