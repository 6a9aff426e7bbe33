import { Ajv, type Options, type ValidateFunction } from 'ajv';

/**
 * How Strata's schemas are compiled, at run time (compileSchema) and ahead of time by the build (the
 * manifest's, see manifest-validator.ts). The schemas are constants that the tests compile and check against
 * the meta-schema, so this skips that check, and the optimisation pass, which only tidies the generated code.
 */
export const SCHEMA_OPTIONS: Options = {
  allErrors: true,
  strict: true,
  allowUnionTypes: true,
  verbose: true,
  validateSchema: false,
  code: { optimize: false },
};

export function compileSchema(schema: object): ValidateFunction {
  return new Ajv(SCHEMA_OPTIONS).compile(schema);
}
