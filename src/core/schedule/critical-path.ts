import {
  dagIndexOf,
  dependentsOf,
  topologicalOrder,
  topologicalPositions,
  type Dag,
  type DagIndex,
} from './dag.js';

/**
 * For each id, the length of the longest chain from its start to the end of the run through what waits for
 * it, counting its own cost (default 1 per instance; recorded durations make it a time). Starting the
 * longest remaining chain first keeps the critical path busy.
 */
export function remainingPathLengths(dag: Dag, cost: (id: string) => number = () => 1): Map<string, number> {
  const index = dagIndexOf(dag);
  if (index) return remainingPathLengthsOfIndex(dag, index, cost);
  const dependents = dependentsOf(dag);
  const lengths = new Map<string, number>();
  const order = topologicalOrder(dag);
  for (let index = order.length - 1; index >= 0; index--) {
    const id = order[index]!;
    let longest = 0;
    for (const dependent of dependents.get(id)!) longest = Math.max(longest, lengths.get(dependent)!);
    lengths.set(id, cost(id) + longest);
  }
  return lengths;
}

/** The same lengths over a Dag's index, visited in the same order (so `cost` is called in the same order). */
function remainingPathLengthsOfIndex(
  dag: Dag,
  index: DagIndex,
  cost: (id: string) => number,
): Map<string, number> {
  const order = topologicalPositions(index);
  if (!order) throw new Error('topologicalOrder: the graph has a cycle');
  const { start, targets } = index.dependents;
  const lengths = new Float64Array(order.length);
  const result = new Map<string, number>();
  for (let at = order.length - 1; at >= 0; at--) {
    const position = order[at]!;
    let longest = 0;
    for (let next = start[position]!; next < start[position + 1]!; next++)
      longest = Math.max(longest, lengths[targets[next]!]!);
    const id = dag.ids[position]!;
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
