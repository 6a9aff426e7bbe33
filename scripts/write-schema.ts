// Writes schema/layers.schema.json and schema/migrate.schema.json from the schemas Strata validates with, so
// editors check the same rules.
import { writeFileSync } from 'node:fs';
import { manifestSchema } from '../src/core/manifest/schema.js';
import { migrationSchema } from '../src/core/migrate/schema.js';

for (const [file, schema] of [
  ['layers.schema.json', manifestSchema],
  ['migrate.schema.json', migrationSchema],
] as const) {
  writeFileSync(new URL(`../schema/${file}`, import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);
}
