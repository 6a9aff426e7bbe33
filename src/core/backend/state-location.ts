import type { BackendConfig } from '../graph/types.js';
import type { BackendSpec } from '../manifest/types.js';
import { usedTokens } from './tokens.js';

/**
 * How to tell the state locations of backends rendered from one manifest apart. They share the type, the keys
 * and the values without tokens, so only the rendered templates can differ: `key` joins those (each but the
 * last prefixed with its length, so no two lists join alike). `isUnique` says when no key is needed at all: a
 * value whose only token is `{id}` renders differently for every instance, ids being unique.
 */
export function compileStateLocation(backend: Pick<BackendSpec, 'config' | 'regionConfig'>): {
  isUnique: boolean;
  key: (backend: BackendConfig) => string;
} {
  const { config } = backend;
  const templated = Object.keys(config).filter(
    (key) => typeof config[key] === 'string' && usedTokens(config[key]).length > 0,
  );
  // A key that a region sets may be what tells two regions' stores apart (a bucket, an endpoint).
  const regional = Object.values(backend.regionConfig).flatMap((overrides) => Object.keys(overrides));
  const keys = [...new Set([...templated, ...regional])];
  const rendersIdAlone = (value: string | number | boolean | undefined) => {
    const tokens = typeof value === 'string' ? usedTokens(value) : [];
    return tokens.length === 1 && tokens[0] === 'id';
  };
  // Unique when one key renders {id} alone in every region, a region's own value of it included.
  const isUnique = templated.some(
    (key) =>
      rendersIdAlone(config[key]) &&
      Object.values(backend.regionConfig).every(
        (overrides) => !(key in overrides) || rendersIdAlone(overrides[key]),
      ),
  );
  const key = (backend: BackendConfig) => {
    let joined = '';
    let left = keys.length;
    for (const name of keys) {
      const value = String(backend.config[name]);
      joined += --left === 0 ? value : `${value.length}:${value}`;
    }
    return joined;
  };
  return { isUnique, key };
}
