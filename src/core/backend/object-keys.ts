/**
 * The config keys that name a state within its store, per backend type: what replication of one store into
 * another keeps (S3 replication copies an object to the same key in the destination bucket). A type not
 * listed is compared on its whole location. The local backend's `path` is its store and key at once: the
 * example estates keep one folder per region, standing in for one bucket per region.
 */
export const OBJECT_KEYS: Readonly<Record<string, readonly string[]>> = {
  s3: ['key'],
  gcs: ['prefix'],
  azurerm: ['key'],
  oss: ['prefix', 'key'],
  cos: ['prefix', 'key'],
  local: ['path'],
};

/**
 * The keys replication keeps when it copies a state into another region's store: the object keys of a
 * type with a store apart from its key (not `local`, whose whole path names the region's folder).
 */
export function replicatedKeysOf(type: string): readonly string[] {
  return type === 'local' ? [] : (OBJECT_KEYS[type] ?? []);
}
