/**
 * Look-ups the caller knows must succeed: an id taken from the same graph, an index below the length it was
 * built with. A miss is a bug in Strata, not in the user's input, so it throws an internal error that names
 * what was missing, instead of carrying `undefined` on to a wrong result.
 */
export function getOrThrow<K, V>(map: ReadonlyMap<K, V>, key: K, what: string): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`Internal error: no ${what} '${String(key)}'`);
  return value;
}

/** `array[index]` for an index known to be in range; see getOrThrow. */
export function itemAt<T>(array: ArrayLike<T>, index: number, what: string): T {
  const value = array[index];
  if (value === undefined) throw new Error(`Internal error: no ${what} at ${index} of ${array.length}`);
  return value;
}

/** A value an earlier step guarantees (an input checked when read, a setting filled in); see getOrThrow. */
export function definedOrThrow<T>(value: T | null | undefined, what: string): T {
  if (value === undefined || value === null) throw new Error(`Internal error: ${what} is not set`);
  return value;
}
