import { intAt } from './checked-reads.js';
import { edgesOfLists, reverseEdges, type Edges } from './edges.js';
import { topologicalLevels } from './topological-levels.js';
import type { Instance } from './types.js';
import { itemAt } from '../lookup.js';

/**
 * A dependency cycle as a path of ids that starts and ends at the same instance (`a -> b -> a`), or
 * undefined.
 */
export function findCycle(
  instances: readonly Instance[],
  byId: ReadonlyMap<string, Instance>,
): string[] | undefined {
  const positions = new Map<string, number>();
  instances.forEach((instance, position) => positions.set(instance.id, position));
  const { edges, counts } = edgesOfLists(
    instances,
    (instance) => instance.dependsOn,
    (id) => (byId.has(id) ? positions.get(id) : undefined),
  );
  // Kahn's algorithm is cheaper than the search, which only runs to name the cycle when there is one.
  if (topologicalLevels(counts, reverseEdges(instances.length, edges))) return undefined;
  return cycleAmong(edges)?.map((position) => itemAt(instances, position, 'instance').id);
}

/**
 * A cycle among positions (`[a, b, a]`), or undefined: the first one a depth-first search meets, in position
 * and edge order. Iterative, so a deep graph cannot overflow the stack.
 */
export function cycleAmong(dependsOn: Edges): number[] | undefined {
  const { start, targets } = dependsOn;
  const count = start.length - 1;
  // 0: not seen, 1: on the search path, 2: done.
  const state = new Uint8Array(count);
  // The search path: each position with the next of its edges to follow and the end of its edges.
  const path: { position: number; next: number; end: number }[] = [];
  const enter = (position: number) => {
    state[position] = 1;
    path.push({ position, next: intAt(start, position), end: intAt(start, position + 1) });
  };
  for (let root = 0; root < count; root++) {
    if (state[root] !== 0) continue;
    enter(root);
    for (let top = path.at(-1); top !== undefined; top = path.at(-1)) {
      if (top.next >= top.end) {
        state[top.position] = 2;
        path.pop();
        continue;
      }
      const dependency = intAt(targets, top.next++);
      if (state[dependency] === 1) {
        const onPath = path.findIndex((frame) => frame.position === dependency);
        return [...path.slice(onPath).map((frame) => frame.position), dependency];
      }
      if (state[dependency] === 0) enter(dependency);
    }
  }
  return undefined;
}
