import { dependentsOf, topologicalOrder, type Dag } from './dag.js';

/**
 * For each id, the length of the longest chain from its start to the end of the run through what waits for
 * it, counting its own cost (default 1 per instance; recorded durations make it a time). Starting the
 * longest remaining chain first keeps the critical path busy.
 */
export function remainingPathLengths(dag: Dag, cost: (id: string) => number = () => 1): Map<string, number> {
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

/** The length of the longest chain in the whole graph. */
export function criticalPathLength(dag: Dag, cost: (id: string) => number = () => 1): number {
  let longest = 0;
  for (const length of remainingPathLengths(dag, cost).values()) longest = Math.max(longest, length);
  return longest;
}
