import { ManifestError, type ManifestProblem } from '../errors.js';
import { buildHooks } from './build-hooks.js';
import { buildLayers } from './build-layers.js';
import { suggest } from './closest-name.js';
import { readLocatedYaml } from './located-yaml.js';
import { manifestValidator } from './manifest-validator.js';
import { parseDuration } from '../duration.js';
import type { Locate, RawManifest, Report } from './raw-manifest.js';
import type {
  AccountSpec,
  EnvironmentSpec,
  Manifest,
  ManifestPath,
  ParsedManifest,
  RegionSpec,
  SourcePosition,
} from './types.js';

export interface ParseOptions {
  /** Whether a layer directory (relative to the manifest's directory) exists; omit to skip that check. */
  pathExists?: ((relativePath: string) => boolean) | undefined;
}

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

  const layers = buildLayers(raw, accounts, regionNames, locate, report, options.pathExists);
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
