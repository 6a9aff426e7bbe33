import { itemAt } from '../lookup.js';
import { intAt } from './checked-reads.js';
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
  const layer = intAt(table.layerOf, position);
  const offset = position - itemAt(table.layerStart, layer, 'layer start');
  const inputs: DependencyInput[] = [];
  for (const entry of itemAt(table.entries, layer, 'layer of inputs')) {
    const group = intAt(entry.groups, offset);
    const sources: { id: string; key: string }[] = [];
    if (group >= 0) {
      const end = intAt(entry.groupStart, group + 1);
      for (let at = intAt(entry.groupStart, group); at < end; at++) {
        const member = intAt(entry.members, at);
        if (member === position) continue;
        const source = itemAt(instances, member, 'instance');
        sources.push({ id: source.id, key: entry.fanIn.map((coordinate) => source[coordinate]).join('/') });
      }
    }
    if (sources.length > 0)
      inputs.push({ variable: entry.variable, isFanIn: entry.fanIn.length > 0, sources });
  }
  return inputs;
}
