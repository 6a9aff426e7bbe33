import { ManifestError, type ManifestProblem } from '../errors.js';
import type { RegionRole, Scope } from '../graph/types.js';
import { describePath, readLocatedYaml, suggest } from './located-yaml.js';
import { manifestValidator } from './manifest-validator.js';
import { checkLayerPath } from './layer-path.js';
import { parseDuration } from '../duration.js';
import type {
  AccountSpec,
  DrStrategy,
  DependencySpec,
  EnvironmentSpec,
  HookPoint,
  HookSpec,
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
  'recovery_point',
] as const;

/**
 * Parses and checks a manifest. Every problem found is reported at once, located in the file, as a
 * ManifestError; a manifest returned from here is internally consistent (names declared, one primary region,
 * dependencies resolvable by layer name). Where each value is written comes back beside it, for the checks
 * that follow (expandManifest) to locate their problems.
 */
export function parseManifest(text: string, file: string, options: ParseOptions = {}): ParsedManifest {
  const problems: ManifestProblem[] = [];
  const report = (position: SourcePosition, message: string) => problems.push({ file, ...position, message });
  const { data, locate } = readLocatedYaml(text, file, manifestValidator, 'the manifest');
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
      environments:
        | string[]
        | Record<
            string,
            {
              regions?: string[];
              strategy?: DrStrategy;
              github_environment?: string;
              primary_region?: string;
            } | null
          >;
      ephemeral?: boolean;
      primary_region?: string;
      role_to_assume?: string;
      github_environment?: string;
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
    stateful?: boolean;
  }[];
  hooks?: {
    name: string;
    when: HookPoint;
    layer?: string;
    run: string;
    args?: string[];
    timeout: string;
    drill_safe?: boolean;
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
          const regions = narrowed ? [...narrowed] : [...account.regions];
          const primary = settings?.primary_region;
          if (primary !== undefined && !regions.includes(primary)) {
            report(
              locate(['accounts', name, 'environments', environment, 'primary_region']),
              `environment '${environment}' of account '${name}' has primary_region '${primary}', where it does not run (its regions: ${regions.join(', ')})`,
            );
          }
          return {
            name: environment,
            regions,
            strategy: settings?.strategy ?? defaultStrategy,
            ...(settings?.github_environment === undefined
              ? {}
              : { githubEnvironment: settings.github_environment }),
            ...(primary === undefined ? {} : { primaryRegion: primary }),
          };
        });
    if (account.primary_region !== undefined && !account.regions.includes(account.primary_region)) {
      report(
        locate(['accounts', name, 'primary_region']),
        `account '${name}' has primary_region '${account.primary_region}', which is not one of its regions (${account.regions.join(', ')})`,
      );
    }
    return {
      name,
      id: account.id,
      regions: [...account.regions],
      environments,
      ephemeral: account.ephemeral ?? false,
      roleToAssume: account.role_to_assume ?? null,
      ...(account.github_environment === undefined ? {} : { githubEnvironment: account.github_environment }),
      ...(account.primary_region === undefined ? {} : { primaryRegion: account.primary_region }),
    };
  });

  const layers = buildLayers(raw, accounts, regionNames, locate, report, options);
  const hooks = buildHooks(raw, layers, locate, report);

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
    ...(hooks.length === 0 ? {} : { hooks }),
  };
}

/**
 * Hooks: unique names, `layer` exactly with `after_layer` and naming a region or environment layer (the ones
 * a failover applies in the target region), the executable inside the manifest's directory.
 */
function buildHooks(raw: RawManifest, layers: LayerSpec[], locate: Locate, report: Report): HookSpec[] {
  const seen = new Set<string>();
  const layerNames = new Set(layers.map((layer) => layer.name));
  return (raw.hooks ?? []).map((hook, index): HookSpec => {
    const at = (...rest: string[]): ManifestPath => ['hooks', index, ...rest];
    if (seen.has(hook.name))
      report(locate(at('name')), `hook '${hook.name}' is declared twice; hook names must be unique`);
    seen.add(hook.name);
    if (hook.when === 'after_layer') {
      const layer = layers.find((candidate) => candidate.name === hook.layer);
      if (hook.layer === undefined) {
        report(locate(at('when')), `hook '${hook.name}': when: after_layer needs 'layer: <name>'`);
      } else if (!layer) {
        report(
          locate(at('layer')),
          `hook '${hook.name}': unknown layer '${hook.layer}'${suggest(hook.layer, layerNames)}`,
        );
      } else if (layer.scope === 'global' || layer.scope === 'account') {
        report(
          locate(at('layer')),
          `hook '${hook.name}': layer '${layer.name}' is ${layer.scope}-scoped, and a failover runs only region and environment layers in the target region; follow one of those`,
        );
      }
    } else if (hook.layer !== undefined) {
      report(locate(at('layer')), `hook '${hook.name}': 'layer' only goes with when: after_layer`);
    }
    const pathProblem = checkLayerPath(hook.run, undefined, "a hook's executable");
    if (pathProblem) report(locate(at('run')), `hook '${hook.name}': ${pathProblem}`);
    return {
      name: hook.name,
      when: hook.when,
      layer: hook.layer ?? null,
      run: normaliseLayerPath(hook.run),
      args: [...(hook.args ?? [])],
      timeoutMs: parseDuration(hook.timeout),
      drillSafe: hook.drill_safe ?? false,
      at: at(),
    };
  });
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
      ...(layer.stateful === true ? { stateful: true } : {}),
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

export { describePath };
