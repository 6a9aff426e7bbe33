/* eslint-disable @typescript-eslint/no-non-null-assertion -- An integer kernel of the 100k-instance graph:
   every index below is a position under the length its typed array or list was made with, or an offset
   between two entries of a `start` array. A check on each access would only cost time (npm run bench:graph);
   the tests over every example manifest and the property tests exercise these bounds. */
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
  const count = dependsOn.start.length - 1;
  // 0: not seen, 1: on the search path, 2: done.
  const state = new Uint8Array(count);
  const stack: number[] = [];
  const next: number[] = [];
  for (let root = 0; root < count; root++) {
    if (state[root] !== 0) continue;
    stack.push(root);
    next.push(dependsOn.start[root]!);
    state[root] = 1;
    while (stack.length > 0) {
      const top = stack.length - 1;
      const position = stack[top]!;
      if (next[top]! >= dependsOn.start[position + 1]!) {
        state[position] = 2;
        stack.pop();
        next.pop();
        continue;
      }
      const dependency = dependsOn.targets[next[top]!++]!;
      if (state[dependency] === 1) return [...stack.slice(stack.indexOf(dependency)), dependency];
      if (state[dependency] === 0) {
        state[dependency] = 1;
        stack.push(dependency);
        next.push(dependsOn.start[dependency]!);
      }
    }
  }
  return undefined;
}
