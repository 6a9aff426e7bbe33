import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { manifestSchema } from '../../src/core/manifest/schema.js';
import { migrationSchema } from '../../src/core/migrate/schema.js';

describe('schema/layers.schema.json', () => {
  const published: unknown = JSON.parse(readFileSync('schema/layers.schema.json', 'utf8'));

  it('is the schema Strata validates with (regenerate it with `npm run schema`)', () => {
    expect(published).toEqual(manifestSchema);
  });

  it('is a valid draft-07 schema that accepts the bundled example', () => {
    const validate = new Ajv({ strict: true, allowUnionTypes: true }).compile(published as object);
    const example: unknown = parse(readFileSync('examples/multi-region/layers.yml', 'utf8'));
    expect(validate.errors ?? null).toBeNull();
    expect(validate(example)).toBe(true);
  });

  it('is named in the example so editors pick it up', () => {
    expect(readFileSync('examples/multi-region/layers.yml', 'utf8')).toMatch(
      /^# yaml-language-server: \$schema=\.\.\/\.\.\/schema\/layers\.schema\.json$/m,
    );
  });
});

describe('schema/migrate.schema.json', () => {
  it('is the schema Strata validates migration files with (regenerate it with `npm run schema`)', () => {
    const published: unknown = JSON.parse(readFileSync('schema/migrate.schema.json', 'utf8'));
    expect(published).toEqual(migrationSchema);
    const validate = new Ajv({ strict: true, allowUnionTypes: true }).compile(published as object);
    expect(validate.errors ?? null).toBeNull();
  });
});
