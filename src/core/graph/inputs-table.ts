/* eslint-disable @typescript-eslint/no-non-null-assertion -- An integer kernel of the 100k-instance graph:
   every index below is a position under the length its typed array or list was made with, or an offset
   between two entries of a `start` array. A check on each access would only cost time (npm run bench:graph);
   the tests over every example manifest and the property tests exercise these bounds. */
import type { Coordinate } from './cells.js';
import type { DependencyInput, Instance } from './types.js';

/**
 * One `depends_on` entry of a layer, resolved for all of the layer's instances: the instance at
 * `layerStart + i` takes its inputs from group `groups[i]`, the positions `members[groupStart[g]..groupStart[g + 1])`.
 */
export interface InputEntry {
  variable: string;
  /** The coordinates the entry selects `all` of: a fan-in keys its sources by them. */
  fanIn: readonly Coordinate[];
  groups: Int32Array;
  groupStart: Int32Array;
  members: Int32Array;
}

/** How upstream outputs reach each instance, by position: its layer's entries, in `depends_on` order. */
export interface InputsTable {
  /** Each position's index in `layerStart`/`entries`. */
  layerOf: Int32Array;
  /** The instances of layer l sit at positions layerStart[l] to layerStart[l + 1]. */
  layerStart: readonly number[];
  entries: readonly (readonly InputEntry[])[];
}

/** The inputs of the instance at `position`: one per entry that selects anything but the instance itself. */
export function inputsAt(
  table: InputsTable,
  instances: readonly Instance[],
  position: number,
): DependencyInput[] {
  const layer = table.layerOf[position]!;
  const offset = position - table.layerStart[layer]!;
  const inputs: DependencyInput[] = [];
  for (const entry of table.entries[layer]!) {
    const group = entry.groups[offset]!;
    const sources: { id: string; key: string }[] = [];
    if (group >= 0) {
      for (let at = entry.groupStart[group]!; at < entry.groupStart[group + 1]!; at++) {
        const member = entry.members[at]!;
        if (member === position) continue;
        const source = instances[member]!;
        sources.push({ id: source.id, key: entry.fanIn.map((coordinate) => source[coordinate]).join('/') });
      }
    }
    if (sources.length > 0)
      inputs.push({ variable: entry.variable, isFanIn: entry.fanIn.length > 0, sources });
  }
  return inputs;
}
