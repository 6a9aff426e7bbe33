import type { ValidateFunction } from 'ajv';
import { ManifestError, type ManifestProblem } from '../errors.js';
import { compileSchema } from '../manifest/compile-schema.js';
import { readLocatedYaml } from '../manifest/located-yaml.js';
import type { ManifestPath } from '../manifest/types.js';
import { isModuleAddress } from './resource-address.js';
import { ADDRESS_PATTERN, ADDRESS_RULE, migrationSchema } from './schema.js';
import type { LegacyRoot, Migration, MigrationRule, ParsedMigration } from './types.js';

interface RawMigration {
  version: 1;
  roots: Record<
    string,
    {
      path: string;
      backend?: Record<string, string | number | boolean>;
      account: string;
      region?: string;
      environment?: string;
    }
  >;
  rules?: { root?: string; from: string; to?: string; layer?: string; stay?: true }[];
}

/** Problems in the migration file (its YAML, its schema, its rules against the manifest and the old states). */
export class MigrationFileError extends ManifestError {
  constructor(problems: ManifestProblem[]) {
    super(problems);
    this.name = 'MigrationFileError';
  }
}

let validateSchema: ValidateFunction | undefined;
const compiledSchema = () => (validateSchema ??= compileSchema(migrationSchema));

/**
 * Parses and checks a migration file. Every problem is reported at once, located in the file, as a
 * ManifestError. What needs the manifest or the old states (layer names, resources) is checked later, by
 * `mapResources`.
 */
export function parseMigration(text: string, file: string): ParsedMigration {
  let read: ReturnType<typeof readLocatedYaml>;
  try {
    read = readLocatedYaml(text, file, compiledSchema, 'the migration file', {
      [ADDRESS_PATTERN]: ADDRESS_RULE,
    });
  } catch (error) {
    if (error instanceof ManifestError) throw new MigrationFileError(error.problems);
    throw error;
  }
  const { data, locate } = read;
  const raw = data as RawMigration;
  const problems: ManifestProblem[] = [];
  const report = (at: ManifestPath, message: string) => problems.push({ file, ...locate(at), message });

  const roots: LegacyRoot[] = Object.entries(raw.roots).map(([name, root]) => ({
    name,
    path: root.path,
    backend: root.backend ?? {},
    account: root.account,
    region: root.region ?? null,
    environment: root.environment ?? null,
  }));
  const rules: MigrationRule[] = (raw.rules ?? []).map((rule, index) => {
    const at = (key?: string): ManifestPath => (key === undefined ? ['rules', index] : ['rules', index, key]);
    if (rule.root !== undefined && !Object.hasOwn(raw.roots, rule.root)) {
      report(
        at('root'),
        `rules[${index}]: root '${rule.root}' is not declared under 'roots' (declared: ${Object.keys(raw.roots).join(', ')})`,
      );
    }
    if ((rule.layer === undefined) === (rule.stay === undefined)) {
      report(
        at(),
        `rules[${index}]: give either 'layer' (where the resources go) or 'stay: true', not both or neither`,
      );
    }
    if (rule.stay !== undefined && rule.to !== undefined) {
      report(at('to'), `rules[${index}]: a resource that stays keeps its address; remove 'to'`);
    }
    if (rule.to !== undefined && isModuleAddress(rule.to) !== isModuleAddress(rule.from)) {
      report(
        at('to'),
        `rules[${index}]: 'from' and 'to' must both be modules or both be resources, got '${rule.from}' and '${rule.to}'`,
      );
    }
    return {
      index,
      root: rule.root ?? null,
      from: rule.from,
      to: rule.to ?? rule.from,
      target: rule.layer === undefined ? 'stay' : { layer: rule.layer },
    };
  });
  if (problems.length > 0) throw new MigrationFileError(problems);
  const migration: Migration = { roots, rules };
  return { migration, locations: { locate } };
}
