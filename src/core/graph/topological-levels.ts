import { intAt } from './checked-reads.js';
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
    const position = intAt(order, head);
    const level = intAt(levels, position) + 1;
    const end = intAt(dependents.start, position + 1);
    for (let at = intAt(dependents.start, position); at < end; at++) {
      const dependent = intAt(dependents.targets, at);
      if (intAt(levels, dependent) < level) levels[dependent] = level;
      const left = intAt(waiting, dependent) - 1;
      waiting[dependent] = left;
      if (left === 0) order[tail++] = dependent;
    }
  }
  return tail === count ? { order, levels } : undefined;
}
