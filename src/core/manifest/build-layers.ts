import { checkLayerPath, normaliseLayerPath } from './layer-path.js';
import { suggest } from './closest-name.js';
import type { Locate, RawManifest, Report } from './raw-manifest.js';
import type { AccountSpec, DependencySpec, LayerSpec, ManifestPath } from './types.js';

/** Names every instance receives as variables; a dependency or a layer var may not take them. */
const CONTEXT_VARIABLES = [
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
 * Layers: unique names, code inside the manifest's directory, dependencies on declared layers with selectors
 * that name declared accounts, regions and environments, and variable names that do not collide.
 */
export function buildLayers(
  raw: RawManifest,
  accounts: AccountSpec[],
  regionNames: Set<string>,
  locate: Locate,
  report: Report,
  pathExists: ((relativePath: string) => boolean) | undefined,
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
    const pathProblem = checkLayerPath(layer.path, pathExists);
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
