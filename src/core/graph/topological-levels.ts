/* eslint-disable @typescript-eslint/no-non-null-assertion -- An integer kernel of the 100k-instance graph:
   every index below is a position under the length its typed array or list was made with, or an offset
   between two entries of a `start` array. A check on each access would only cost time (npm run bench:graph);
   the tests over every example manifest and the property tests exercise these bounds. */
import type { Edges } from './edges.js';

/** A topological pass over positions: the order Kahn's algorithm releases them in, and each one's wave. */
export interface TopologicalLevels {
  /** Each position after everything it depends on; ties in position order, released ones queued behind. */
  order: Int32Array;
  /** One more than the highest level among a position's dependencies (0 without any): its wave. */
  levels: Int32Array;
}

/**
 * Kahn's algorithm, the only one in Strata: `dependencyCounts[p]` is how many positions p waits for and
 * `dependents` what waits for each. Undefined when some position is never released: the edges have a cycle.
 */
export function topologicalLevels(
  dependencyCounts: Int32Array,
  dependents: Edges,
): TopologicalLevels | undefined {
  const count = dependencyCounts.length;
  const waiting = dependencyCounts.slice();
  const levels = new Int32Array(count);
  const order = new Int32Array(count);
  let tail = 0;
  for (let position = 0; position < count; position++) if (waiting[position] === 0) order[tail++] = position;
  for (let head = 0; head < tail; head++) {
    const position = order[head]!;
    const level = levels[position]! + 1;
    for (let at = dependents.start[position]!; at < dependents.start[position + 1]!; at++) {
      const dependent = dependents.targets[at]!;
      if (levels[dependent]! < level) levels[dependent] = level;
      if (--waiting[dependent]! === 0) order[tail++] = dependent;
    }
  }
  return tail === count ? { order, levels } : undefined;
}
