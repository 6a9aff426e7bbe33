/* eslint-disable @typescript-eslint/no-non-null-assertion -- An integer kernel of the 100k-instance graph:
   every index below is a position under the length its typed array or list was made with, or an offset
   between two entries of a `start` array. A check on each access would only cost time (npm run bench:graph);
   the tests over every example manifest and the property tests exercise these bounds. */
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
  let position = 0;
  for (const item of items) {
    const list = dependsOn(item) ?? [];
    counts[position] = list.length;
    for (const id of list) {
      const target = positionOf(id, position);
      if (target !== undefined) targets.push(target);
    }
    start[++position] = targets.length;
  }
  return { edges: { start, targets: Int32Array.from(targets) }, counts };
}

/** The same edges turned round, each position's list in ascending order. */
export function reverseEdges(count: number, edges: Edges): Edges {
  const start = new Int32Array(count + 1);
  for (let at = 0; at < edges.targets.length; at++) start[edges.targets[at]! + 1]!++;
  for (let position = 0; position < count; position++) start[position + 1]! += start[position]!;
  const next = start.slice(0, count);
  const targets = new Int32Array(edges.targets.length);
  for (let position = 0; position < count; position++) {
    for (let at = edges.start[position]!; at < edges.start[position + 1]!; at++) {
      targets[next[edges.targets[at]!]!++] = position;
    }
  }
  return { start, targets };
}

/** How many edges leave each position, from start offsets. */
export function countsOf(start: Int32Array): Int32Array {
  const counts = new Int32Array(start.length - 1);
  for (let position = 0; position < counts.length; position++)
    counts[position] = start[position + 1]! - start[position]!;
  return counts;
}

/** Each position's list of ids, `ids[target]` in edge order. */
export function idListsOf(edges: Edges, ids: readonly string[], position: number): string[] {
  const from = edges.start[position]!;
  const list = new Array<string>(edges.start[position + 1]! - from);
  for (let at = from; at < edges.start[position + 1]!; at++) list[at - from] = ids[edges.targets[at]!]!;
  return list;
}

/**
 * Sorts `list[from..to)`, positions, by their ids (as compareIds orders them): insertion sort for the usual
 * handful, the built-in sort for a fan-in.
 */
export function sortByIds(list: Int32Array, from: number, to: number, ids: readonly string[]): void {
  if (to - from > 16) {
    list.subarray(from, to).sort((a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0));
    return;
  }
  for (let index = from + 1; index < to; index++) {
    const position = list[index]!;
    const id = ids[position]!;
    let at = index - 1;
    while (at >= from && ids[list[at]!]! > id) {
      list[at + 1] = list[at]!;
      at--;
    }
    list[at + 1] = position;
  }
}
