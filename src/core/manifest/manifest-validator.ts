import type { ValidateFunction } from 'ajv';
import { compileSchema } from './compile-schema.js';
import { manifestSchema } from './schema.js';

let validate: ValidateFunction | undefined;

/**
 * The manifest schema's validator, compiled on first use. Compiling costs about 45 ms, a third of a small
 * `strata graph`: the build (scripts/build.mjs) replaces this module in dist/ with the same validator compiled
 * ahead of time by Ajv's standalone code, which exports the same function, so the CLI and the action neither
 * compile it nor load Ajv.
 */
export function manifestValidator(): ValidateFunction {
  return (validate ??= compileSchema(manifestSchema));
}
