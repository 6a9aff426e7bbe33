// Writes schema/layers.schema.json from the schema Strata validates with, so editors check the same rules.
import { writeFileSync } from 'node:fs';
import { manifestSchema } from '../src/core/manifest/schema.js';

writeFileSync(
  new URL('../schema/layers.schema.json', import.meta.url),
  `${JSON.stringify(manifestSchema, null, 2)}\n`,
);
