import { intAt } from './checked-reads.js';

/** Edges between positions (in a graph's instances, or a Dag's ids): p's are `targets[start[p]..start[p + 1])`. */
export interface Edges {
  start: Int32Array;
  targets: Int32Array;
}

/**
 * Edges from lists of ids: `dependsOn(item)` names what the item at position p depends on, `positionOf`
 * numbers the ids.
 * An id that `positionOf` does not know makes no edge but still counts in `counts`, so that the position is
 * never released by a topological pass (as a plain Dag naming an unknown id has always behaved).
 */
export function edgesOfLists<T>(
  items: readonly T[],
  dependsOn: (item: T) => readonly string[] | undefined,
  positionOf: (id: string, from: number) => number | undefined,
): { edges: Edges; counts: Int32Array } {
  const start = new Int32Array(items.length + 1);
  const counts = new Int32Array(items.length);
  const targets: number[] = [];
  // Indexed, not for-of: these loops run per instance and per edge, once per graph, and an iterator costs an
  // object per step until the function is optimised.
  /* eslint-disable @typescript-eslint/no-non-null-assertion -- indexes below the arrays' lengths */
  for (let position = 0; position < items.length; position++) {
    const list = dependsOn(items[position]!) ?? [];
    counts[position] = list.length;
    for (let at = 0; at < list.length; at++) {
      const target = positionOf(list[at]!, position);
      if (target !== undefined) targets.push(target);
    }
    start[position + 1] = targets.length;
  }
  /* eslint-enable @typescript-eslint/no-non-null-assertion */
  return { edges: { start, targets: Int32Array.from(targets) }, counts };
}

/** The same edges turned round, each position's list in ascending order. */
export function reverseEdges(count: number, edges: Edges): Edges {
  // Counts at `start[target + 1]`, then summed into offsets.
  const start = new Int32Array(count + 1);
  for (let at = 0; at < edges.targets.length; at++) {
    const target = intAt(edges.targets, at);
    start[target + 1] = intAt(start, target + 1) + 1;
  }
  let offset = 0;
  for (let position = 0; position <= count; position++) {
    offset += intAt(start, position);
    start[position] = offset;
  }
  const next = start.slice(0, count);
  const targets = new Int32Array(edges.targets.length);
  for (let position = 0; position < count; position++) {
    const end = intAt(edges.start, position + 1);
    for (let at = intAt(edges.start, position); at < end; at++) {
      const target = intAt(edges.targets, at);
      const slot = intAt(next, target);
      next[target] = slot + 1;
      targets[slot] = position;
    }
  }
  return { start, targets };
}

/** How many edges leave each position, from start offsets. */
export function countsOf(start: Int32Array): Int32Array {
  const counts = new Int32Array(start.length - 1);
  for (let position = 0; position < counts.length; position++)
    counts[position] = intAt(start, position + 1) - intAt(start, position);
  return counts;
}

/** Each position's list of ids, `ids[target]` in edge order. */
export function idListsOf(edges: Edges, ids: readonly string[], position: number): string[] {
  const from = intAt(edges.start, position);
  const list = new Array<string>(intAt(edges.start, position + 1) - from);
  // A target is a position of the same graph as `ids`. Unchecked: this runs once per edge, and a checked read
  // shared with the other arrays of strings (idAt) reads about twice as slowly.
  // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- targets index ids
  for (let at = 0; at < list.length; at++) list[at] = ids[intAt(edges.targets, from + at)]!;
  return list;
}

/**
 * Sorts `list[from..to)`, positions, by their ids (as compareIds orders them): insertion sort for the usual
 * handful, the built-in sort for a fan-in that is not in order yet. A fan-in's members come in position order,
 * which is id order when the manifest lists names in order; the built-in sort with a comparator is the
 * slowest part of the expansion on Node 20 otherwise. The positions index `ids`; reads are unchecked, as in
 * idListsOf.
 */
export function sortByIds(list: Int32Array, from: number, to: number, ids: readonly string[]): void {
  /* eslint-disable @typescript-eslint/no-non-null-assertion -- positions of the graph that `ids` names */
  if (to - from > 16) {
    if (isSortedByIds(list, from, to, ids)) return;
    list.subarray(from, to).sort((a, b) => {
      const idA = ids[a]!;
      const idB = ids[b]!;
      return idA < idB ? -1 : idA > idB ? 1 : 0;
    });
    return;
  }
  for (let index = from + 1; index < to; index++) {
    const position = intAt(list, index);
    const id = ids[position]!;
    let at = index - 1;
    for (; at >= from; at--) {
      const before = intAt(list, at);
      if (ids[before]! <= id) break;
      list[at + 1] = before;
    }
    list[at + 1] = position;
  }
  /* eslint-enable @typescript-eslint/no-non-null-assertion */
}

function isSortedByIds(list: Int32Array, from: number, to: number, ids: readonly string[]): boolean {
  /* eslint-disable @typescript-eslint/no-non-null-assertion -- positions of the graph that `ids` names */
  let previous = ids[intAt(list, from)]!;
  for (let index = from + 1; index < to; index++) {
    const id = ids[intAt(list, index)]!;
    if (id < previous) return false;
    previous = id;
  }
  /* eslint-enable @typescript-eslint/no-non-null-assertion */
  return true;
}
