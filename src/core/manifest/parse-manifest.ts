import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, visit, type Document } from 'yaml';
import { ManifestError, type ManifestProblem } from '../errors.js';
import type { RegionRole, Scope } from '../graph/types.js';
import { closestName } from './closest-name.js';
import { checkLayerPath } from './layer-path.js';
import {
  DURATION_PATTERN,
  DURATION_RULE,
  NAME_PATTERN,
  NAME_RULE,
  RESERVED_NAMES,
  manifestSchema,
} from './schema.js';
import { parseDuration } from '../duration.js';
import type {
  AccountSpec,
  DrStrategy,
  DependencySpec,
  EnvironmentSpec,
  LayerSpec,
  Manifest,
  ManifestLocations,
  ManifestPath,
  ParsedManifest,
  RegionSpec,
  SourcePosition,
} from './types.js';

export interface ParseOptions {
  /** Whether a layer directory (relative to the manifest's directory) exists; omit to skip that check. */
  pathExists?: ((relativePath: string) => boolean) | undefined;
}

/** Names every instance receives as variables; a dependency or a layer var may not take them. */
export const CONTEXT_VARIABLES = [
  'account',
  'account_id',
  'region',
  'environment',
  'layer',
  'role',
  'failover',
  'failed_region',
] as const;

let validateSchema: ValidateFunction | undefined;

/**
 * Parses and checks a manifest. Every problem found is reported at once, located in the file, as a
 * ManifestError; a manifest returned from here is internally consistent (names declared, one primary region,
 * dependencies resolvable by layer name). Where each value is written comes back beside it, for the checks
 * that follow (expandManifest) to locate their problems.
 */
export function parseManifest(text: string, file: string, options: ParseOptions = {}): ParsedManifest {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    logLevel: 'error',
  });
  const locate = createLocator(document, lineCounter);
  const problems: ManifestProblem[] = [];
  const report = (position: SourcePosition, message: string) => problems.push({ file, ...position, message });

  for (const error of document.errors) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    report({ line, column: col }, `YAML syntax: ${firstLine(error.message)}`);
  }
  if (problems.length > 0) throw new ManifestError(problems);

  visit(document, {
    Alias(_, alias, path) {
      const target = alias.resolve(document);
      if (target && path.includes(target)) {
        const { line, col } = lineCounter.linePos(alias.range?.[0] ?? 0);
        report(
          { line, column: col },
          `YAML: alias *${alias.source} refers to a value that contains it (a cycle); copy the value instead`,
        );
      }
    },
    Node(_, node) {
      if (node.tag === 'tag:yaml.org,2002:set' || node.tag === 'tag:yaml.org,2002:omap') {
        const { line, col } = lineCounter.linePos(node.range?.[0] ?? 0);
        report(
          { line, column: col },
          `YAML: the tag ${node.tag.slice(node.tag.lastIndexOf(':') + 1)} is not supported here; use a plain list or map`,
        );
      }
    },
  });
  if (problems.length > 0) throw new ManifestError(problems);

  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    report({ line: 1, column: 1 }, `YAML: ${error instanceof Error ? error.message : String(error)}`);
    throw new ManifestError(problems);
  }

  // Compiling is a fixed cost of every run (half of it at 1,000 instances): the schema is a constant that the
  // tests compile and check against the meta-schema, so skip that check here, and the optimisation pass,
  // which only tidies the generated code.
  validateSchema ??= new Ajv({
    allErrors: true,
    strict: true,
    allowUnionTypes: true,
    verbose: true,
    validateSchema: false,
    code: { optimize: false },
  }).compile(manifestSchema);
  if (!validateSchema(data)) {
    for (const error of schemaErrorsWorthReporting(validateSchema.errors ?? [])) {
      const { path, message } = describeSchemaError(error);
      report(locate(path), message);
    }
    throw new ManifestError(problems);
  }

  const manifest = buildManifest(data as RawManifest, file, locate, report, options);
  if (problems.length > 0) throw new ManifestError(problems);
  return { manifest, locations: { locate } };
}

// The raw shape, as guaranteed by the schema.
interface RawDependency {
  layer: string;
  account?: string;
  region?: string;
  environment?: string;
  as?: string;
}
interface RawManifest {
  version: 1;
  terraform?: { binary?: string; lock_timeout?: string; parallelism?: number; command_timeout?: string };
  dr?: { strategy?: DrStrategy; rpo?: string };
  backend: {
    type: string;
    config: Record<string, string | number | boolean>;
    region_config?: Record<string, Record<string, string | number | boolean>>;
    global_region: string;
    replicas?: Record<string, string>;
  };
  regions: Record<string, { role: RegionRole; failed?: boolean }>;
  accounts: Record<
    string,
    {
      id: string;
      regions: string[];
      environments: string[] | Record<string, { regions?: string[]; strategy?: DrStrategy } | null>;
      ephemeral?: boolean;
      role_to_assume?: string;
    }
  >;
  layers: {
    name: string;
    scope: Scope;
    path: string;
    depends_on?: (string | RawDependency)[];
    vars?: Record<string, unknown>;
    mock_outputs?: Record<string, unknown>;
    standby?: boolean;
    failover?: 'apply' | 'skip';
  }[];
}

type Report = (position: SourcePosition, message: string) => void;
type Locate = ManifestLocations['locate'];

function buildManifest(
  raw: RawManifest,
  file: string,
  locate: Locate,
  report: Report,
  options: ParseOptions,
): Manifest {
  const regions: RegionSpec[] = Object.entries(raw.regions).map(([name, value]) => ({
    name,
    role: value.role,
    ...(value.failed === true ? { failed: true } : {}),
  }));
  for (const region of regions) {
    if (region.failed && region.role === 'primary') {
      report(
        locate(['regions', region.name, 'failed']),
        `region '${region.name}' is primary and marked failed; a failed region is a secondary until a failback makes it primary again (and removes the mark)`,
      );
    }
  }
  const regionNames = new Set(regions.map((region) => region.name));
  const checkRegion = (region: string, path: ManifestPath, what: string) => {
    if (!regionNames.has(region)) {
      report(
        locate(path),
        `${what} '${region}' is not declared under 'regions'${suggest(region, regionNames)}`,
      );
    }
  };

  const primaries = regions.filter((region) => region.role === 'primary');
  if (primaries.length === 0) {
    report(locate(['regions']), "no region has 'role: primary'; mark exactly one region as primary");
  }
  const [primary, ...extras] = primaries;
  for (const extra of extras) {
    report(
      locate(['regions', extra.name, 'role']),
      `regions '${String(primary?.name)}' and '${extra.name}' are both primary; exactly one region may be primary`,
    );
  }

  checkRegion(raw.backend.global_region, ['backend', 'global_region'], 'backend.global_region');
  const replicas = raw.backend.replicas ?? {};
  for (const [source, replica] of Object.entries(replicas)) {
    checkRegion(source, ['backend', 'replicas', source], 'replicated region');
    checkRegion(replica, ['backend', 'replicas', source], 'replica region');
    if (source === replica) {
      report(locate(['backend', 'replicas', source]), `region '${source}' cannot be its own replica`);
    }
  }

  const regionConfig = raw.backend.region_config ?? {};
  for (const region of Object.keys(regionConfig)) {
    checkRegion(region, ['backend', 'region_config', region], 'backend.region_config region');
  }

  const defaultStrategy = raw.dr?.strategy ?? 'backup_restore';
  const accounts: AccountSpec[] = Object.entries(raw.accounts).map(([name, account]) => {
    account.regions.forEach((region, index) => {
      checkRegion(region, ['accounts', name, 'regions', index], `region of account '${name}':`);
    });
    const environments: EnvironmentSpec[] = Array.isArray(account.environments)
      ? account.environments.map((environment) => ({
          name: environment,
          regions: [...account.regions],
          strategy: defaultStrategy,
        }))
      : Object.entries(account.environments).map(([environment, settings]) => {
          const narrowed = settings?.regions;
          narrowed?.forEach((region, index) => {
            if (!account.regions.includes(region)) {
              report(
                locate(['accounts', name, 'environments', environment, 'regions', index]),
                `environment '${environment}' of account '${name}' lists region '${region}', which the account does not have (its regions: ${account.regions.join(', ')})`,
              );
            }
          });
          return {
            name: environment,
            regions: narrowed ? [...narrowed] : [...account.regions],
            strategy: settings?.strategy ?? defaultStrategy,
          };
        });
    return {
      name,
      id: account.id,
      regions: [...account.regions],
      environments,
      ephemeral: account.ephemeral ?? false,
      roleToAssume: account.role_to_assume ?? null,
    };
  });

  const layers = buildLayers(raw, accounts, regionNames, locate, report, options);

  return {
    file,
    version: 1,
    terraform: {
      binary: raw.terraform?.binary ?? 'terraform',
      lockTimeout: raw.terraform?.lock_timeout ?? '5m',
      parallelism: raw.terraform?.parallelism ?? 4,
      commandTimeoutMs:
        raw.terraform?.command_timeout === undefined ? null : parseDuration(raw.terraform.command_timeout),
    },
    backend: {
      type: raw.backend.type,
      config: { ...raw.backend.config },
      regionConfig: Object.fromEntries(
        Object.entries(regionConfig).map(([region, config]) => [region, { ...config }]),
      ),
      globalRegion: raw.backend.global_region,
      replicas: { ...replicas },
    },
    regions,
    accounts,
    layers,
    ...(raw.dr?.rpo === undefined
      ? {}
      : { recoveryPointObjective: { text: raw.dr.rpo, ms: parseDuration(raw.dr.rpo) } }),
  };
}

function buildLayers(
  raw: RawManifest,
  accounts: AccountSpec[],
  regionNames: Set<string>,
  locate: Locate,
  report: Report,
  options: ParseOptions,
): LayerSpec[] {
  const firstIndex = new Map<string, number>();
  raw.layers.forEach((layer, index) => {
    const first = firstIndex.get(layer.name);
    if (first === undefined) firstIndex.set(layer.name, index);
    else {
      report(
        locate(['layers', index, 'name']),
        `layer '${layer.name}' is declared twice (first at line ${locate(['layers', first, 'name']).line}); layer names must be unique`,
      );
    }
  });
  const layerNames = new Set(firstIndex.keys());
  const accountNames = new Set(accounts.map((account) => account.name));
  const environmentNames = new Set(accounts.flatMap((account) => account.environments.map((e) => e.name)));

  return raw.layers.map((layer, index): LayerSpec => {
    const at = (...rest: (string | number)[]): ManifestPath => ['layers', index, ...rest];
    const pathProblem = checkLayerPath(layer.path, options.pathExists);
    if (pathProblem) report(locate(at('path')), `layer '${layer.name}': ${pathProblem}`);

    const dependsOn = (layer.depends_on ?? []).map((entry, position): DependencySpec => {
      const spec = typeof entry === 'string' ? { layer: entry } : entry;
      const path = at('depends_on', position);
      if (!layerNames.has(spec.layer)) {
        report(
          locate(typeof entry === 'string' ? path : [...path, 'layer']),
          `layer '${layer.name}' depends on unknown layer '${spec.layer}'${suggest(spec.layer, layerNames)}`,
        );
      } else if (spec.layer === layer.name && typeof entry === 'string') {
        report(locate(path), `layer '${layer.name}' depends on itself`);
      }
      const checkSelector = (
        key: 'account' | 'region' | 'environment',
        allowed: string[],
        declared: Set<string>,
      ) => {
        const value = spec[key];
        if (value !== undefined && !allowed.includes(value) && !declared.has(value)) {
          report(
            locate([...path, key]),
            `depends_on ${key} '${value}' is neither ${allowed.map((word) => `'${word}'`).join(', ')} nor a declared ${key}${suggest(value, declared)}`,
          );
        }
      };
      checkSelector('account', ['same', 'all'], accountNames);
      checkSelector('region', ['same', 'all', 'primary'], regionNames);
      checkSelector('environment', ['same', 'all'], environmentNames);
      return {
        layer: spec.layer,
        account: spec.account ?? 'same',
        region: spec.region ?? 'same',
        environment: spec.environment ?? 'same',
        variable: spec.as ?? spec.layer,
        at: path,
      };
    });

    checkVariableNames(layer.name, dependsOn, layer.vars ?? {}, at, locate, report);
    return {
      name: layer.name,
      scope: layer.scope,
      path: normaliseLayerPath(layer.path),
      dependsOn,
      vars: layer.vars ?? {},
      mockOutputs: layer.mock_outputs ?? {},
      standby: layer.standby ?? layer.scope !== 'environment',
      failover:
        layer.failover ?? (layer.scope === 'region' || layer.scope === 'environment' ? 'apply' : 'skip'),
      index,
    };
  });
}

/** Each dependency arrives as one variable; it may not shadow the context, a layer var or another dependency. */
function checkVariableNames(
  layer: string,
  dependsOn: DependencySpec[],
  vars: Record<string, unknown>,
  at: (...rest: (string | number)[]) => ManifestPath,
  locate: Locate,
  report: Report,
) {
  const context = new Set<string>(CONTEXT_VARIABLES);
  for (const key of Object.keys(vars)) {
    if (context.has(key)) {
      report(
        locate(at('vars', key)),
        `layer '${layer}': var '${key}' is set by Strata for every instance (${CONTEXT_VARIABLES.join(', ')}); rename it`,
      );
    }
  }
  const taken = new Map<string, number>();
  dependsOn.forEach((dependency, position) => {
    const name = dependency.variable;
    const clash = context.has(name)
      ? 'a context variable Strata sets'
      : name in vars
        ? `a var of layer '${layer}'`
        : taken.has(name)
          ? `the variable of depends_on[${String(taken.get(name))}]`
          : undefined;
    if (clash) {
      report(
        locate(dependency.at),
        `layer '${layer}': the outputs of '${dependency.layer}' would arrive in variable '${name}', which is already ${clash}; give this dependency another name with 'as: <variable>'`,
      );
    }
    taken.set(name, position);
  });
}

export function normaliseLayerPath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/') || '.';
}

function suggest(value: string, candidates: Iterable<string>): string {
  const match = closestName(value, candidates);
  return match ? ` (did you mean '${match}'?)` : '';
}

function firstLine(message: string): string {
  const end = message.indexOf('\n');
  return (end < 0 ? message : message.slice(0, end)).trim();
}

/** Finds where a value (or, for a missing or unknown key, its map) sits in the YAML source. */
function createLocator(document: Document, lineCounter: LineCounter): Locate {
  const position = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  return (path) => {
    let node: unknown = document.contents;
    let found = position(document.contents?.range?.[0] ?? 0);
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find(
          (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment),
        );
        if (!pair) break;
        const valueRange = (pair.value as { range?: [number, number, number] } | null)?.range;
        const keyRange = (pair.key as { range?: [number, number, number] }).range;
        const range = valueRange ?? keyRange;
        if (range) found = position(range[0]);
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment] as { range?: [number, number, number] } | undefined;
        if (!item?.range) break;
        found = position(item.range[0]);
        node = item;
      } else break;
    }
    return found;
  };
}

function pathOf(error: ErrorObject): (string | number)[] {
  if (error.instancePath === '') return [];
  return error.instancePath
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

export function describePath(path: ManifestPath): string {
  let text = '';
  for (const segment of path)
    text += typeof segment === 'number' ? `[${segment}]` : text ? `.${segment}` : segment;
  return text || 'the manifest';
}

/** Ajv reports a failed `propertyNames` twice (the inner rule and the wrapper) and `type` once per branch. */
function schemaErrorsWorthReporting(errors: ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    if (error.keyword === 'propertyNames' || error.keyword === 'if') return false;
    const key = `${error.instancePath}|${error.keyword}|${JSON.stringify(error.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function describeSchemaError(error: ErrorObject): { path: ManifestPath; message: string } {
  const path = pathOf(error);
  const propertyName = (error as ErrorObject & { propertyName?: string }).propertyName;
  const where = describePath(path);
  const got = (value: unknown) =>
    value === null
      ? 'null'
      : Array.isArray(value)
        ? 'a list'
        : typeof value === 'object'
          ? 'a map'
          : JSON.stringify(value);
  const parent = error.parentSchema as { properties?: Record<string, unknown> } | undefined;
  switch (error.keyword) {
    case 'required':
      return {
        path,
        message: `${where}: missing required key '${(error.params as { missingProperty: string }).missingProperty}'`,
      };
    case 'additionalProperties': {
      const key = (error.params as { additionalProperty: string }).additionalProperty;
      const known = Object.keys(parent?.properties ?? {});
      const hint = known.length > 0 ? `${suggest(key, known)}; allowed keys: ${known.join(', ')}` : '';
      return { path: [...path, key], message: `${where}: unknown key '${key}'${hint}` };
    }
    case 'enum':
      return {
        path,
        message: `${where}: must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((value) => JSON.stringify(value)).join(', ')}, got ${got(error.data)}`,
      };
    case 'const':
      return {
        path,
        message: `${where}: must be ${JSON.stringify((error.params as { allowedValue: unknown }).allowedValue)}, got ${got(error.data)}`,
      };
    case 'type':
      return {
        path,
        message: `${where}: must be ${describeType((error.params as { type: string | string[] }).type)}, got ${got(error.data)}`,
      };
    case 'pattern': {
      if (propertyName !== undefined) {
        return {
          path: [...path, propertyName],
          message: `${where}: '${propertyName}' is not a valid name: use ${NAME_RULE}`,
        };
      }
      const pattern = (error.params as { pattern: string }).pattern;
      const rule = PATTERN_RULES[pattern] ?? `a value matching ${pattern}`;
      return { path, message: `${where}: ${got(error.data)} is not allowed: use ${rule}` };
    }
    case 'not':
      return {
        path: propertyName !== undefined ? [...path, propertyName] : path,
        message: `${where}: '${propertyName ?? String(error.data)}' is a reserved word (${RESERVED_NAMES.join(', ')}) and cannot be a name`,
      };
    case 'uniqueItems':
      return {
        path,
        message: `${where}: lists the same value twice (items ${(error.params as { j: number; i: number }).j} and ${(error.params as { i: number }).i})`,
      };
    default:
      return { path, message: `${where}: ${error.message ?? 'is not valid'}` };
  }
}

const PATTERN_RULES: Record<string, string> = {
  [NAME_PATTERN]: NAME_RULE,
  [DURATION_PATTERN]: DURATION_RULE,
};

function describeType(type: string | string[]): string {
  const words: Record<string, string> = {
    object: 'a map',
    array: 'a list',
    string: 'a string',
    integer: 'a whole number',
    number: 'a number',
    boolean: 'true or false',
  };
  return (Array.isArray(type) ? type : [type]).map((t) => words[t] ?? t).join(' or ');
}
