import { itemAt } from '../lookup.js';
import { intAt } from './checked-reads.js';
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
  for (const [layerIndex, resolved] of resolvedByLayer.entries()) {
    const first = itemAt(placement.layerStart, layerIndex, 'layer start');
    const end = itemAt(placement.layerStart, layerIndex + 1, 'layer end');
    // Read once per layer, not once per instance.
    const dependencies = resolved.map(({ selector, groups }) => ({
      groups,
      groupStart: selector.index.groupStart,
      members: selector.index.members,
    }));
    for (let position = first; position < end; position++) {
      const from = used;
      // Indexed, not for-of: see expandManifest.
      for (let dependency = 0; dependency < dependencies.length; dependency++) {
        // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- dependency < dependencies.length
        const { groups, groupStart, members } = dependencies[dependency]!;
        const group = intAt(groups, position - first);
        const last = intAt(groupStart, group + 1);
        for (let at = intAt(groupStart, group); at < last; at++) {
          const member = intAt(members, at);
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
