/* eslint-disable @typescript-eslint/no-non-null-assertion -- An integer kernel of the 100k-instance graph:
   every index below is a position under the length its typed array or list was made with, or an offset
   between two entries of a `start` array. A check on each access would only cost time (npm run bench:graph);
   the tests over every example manifest and the property tests exercise these bounds. */
import { sortByIds, type Edges } from './edges.js';
import type { Placement } from './place-instances.js';
import type { Selector } from './dependency-resolver.js';

/** One accepted `depends_on` entry of a layer: its selector and the group it picks for each of the layer's instances. */
export interface ResolvedDependency {
  selector: Selector;
  groups: Int32Array;
}

/**
 * Merges each instance's resolved dependencies into one list of positions without itself or repeats, sorted
 * by id: the graph's edges, in the order of each instance's `dependsOn`.
 */
export function collectDependencies(
  placement: Placement,
  resolvedByLayer: readonly (readonly ResolvedDependency[])[],
): Edges {
  const { ids } = placement;
  const count = ids.length;
  const start = new Int32Array(count + 1);
  let targets = new Int32Array(Math.max(16, count * 4));
  let used = 0;
  const seenBy = new Int32Array(count).fill(-1);
  for (let layerIndex = 0; layerIndex < resolvedByLayer.length; layerIndex++) {
    const resolved = resolvedByLayer[layerIndex]!;
    const first = placement.layerStart[layerIndex]!;
    const end = placement.layerStart[layerIndex + 1]!;
    for (let position = first; position < end; position++) {
      const from = used;
      for (let dependency = 0; dependency < resolved.length; dependency++) {
        const { selector, groups } = resolved[dependency]!;
        const group = groups[position - first]!;
        const { groupStart, members } = selector.index;
        for (let at = groupStart[group]!; at < groupStart[group + 1]!; at++) {
          const member = members[at]!;
          if (member === position || seenBy[member] === position) continue;
          seenBy[member] = position;
          if (used === targets.length) {
            const grown = new Int32Array(targets.length * 2);
            grown.set(targets);
            targets = grown;
          }
          targets[used++] = member;
        }
      }
      sortByIds(targets, from, used, ids);
      start[position + 1] = used;
    }
  }
  return { start, targets: targets.slice(0, used) };
}
