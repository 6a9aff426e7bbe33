/**
 * `array[index]` for an index the caller knows is in range, in the integer kernels of the graph: a position
 * below the length the array was made with, or an offset between two entries of a `start` array. A miss is a
 * bug in Strata, so it throws instead of carrying `undefined` on. One function per array type, so that each
 * stays monomorphic and can be inlined into the 100k-instance loops (npm run bench:graph measures them);
 * elsewhere use itemAt (lookup.ts).
 */
export function intAt(array: Int32Array, index: number): number {
  const value = array[index];
  if (value === undefined) throw outOfRange('an Int32Array', array.length, index);
  return value;
}

/** intAt for a Float64Array. */
export function floatAt(array: Float64Array, index: number): number {
  const value = array[index];
  if (value === undefined) throw outOfRange('a Float64Array', array.length, index);
  return value;
}

/**
 * `ids[position]` for a position of the same graph; see intAt. The lists of ids it is given are of several
 * kinds (holey, packed, frozen), so it is polymorphic: the per-edge loops of edges.ts read `ids` directly.
 */
export function idAt(ids: readonly string[], position: number): string {
  const id = ids[position];
  if (id === undefined) throw outOfRange('a list of ids', ids.length, position);
  return id;
}

function outOfRange(type: string, length: number, index: number): RangeError {
  return new RangeError(`Internal error: index ${index} outside ${type} of ${length}`);
}
