import {
  containsTokens,
  renderBackend,
  renderValue,
  stateLocationKey,
  tokenValues,
  unknownTokens,
} from '../backend/tokens.js';
import { ManifestError, type ManifestProblem } from '../errors.js';
import { describePath } from '../manifest/parse-manifest.js';
import type { DependencySpec, LayerSpec, Manifest, ManifestPath } from '../manifest/types.js';
import { findCycle } from './find-cycle.js';
import { compareIds } from '../schedule/waves.js';
import type { DependencyInput, Instance, LayerGraph, RegionRole, Scope } from './types.js';

type Coordinate = 'account' | 'region' | 'environment';
const COORDINATES: readonly Coordinate[] = ['account', 'region', 'environment'];
const SCOPE_COORDINATES: Record<Scope, readonly Coordinate[]> = {
  global: [],
  account: ['account'],
  region: ['account', 'region'],
  environment: ['account', 'region', 'environment'],
};

export function instanceId(
  layer: string,
  account: string | null,
  region: string | null,
  environment: string | null,
): string {
  let id = '';
  if (account !== null) id += `${account}/`;
  if (region !== null) id += `${region}/`;
  if (environment !== null) id += `${environment}/`;
  return id + layer;
}

/**
 * Expands a manifest into its layer instances and the dependency edges between them, renders each
 * instance's backend and vars, and checks the result: every dependency resolves to existing instances, the
 * graph has no cycle, and no two instances share a state location. Problems are reported together.
 */
export function expandManifest(manifest: Manifest): LayerGraph {
  const problems: ManifestProblem[] = [];
  const report = (path: ManifestPath, message: string) =>
    problems.push({ file: manifest.file, ...manifest.locate(path), message });

  checkTokens(manifest, report);
  if (problems.length > 0) throw new ManifestError(problems);

  const roles = new Map<string, RegionRole>(manifest.regions.map((region) => [region.name, region.role]));
  const primary = manifest.regions.find((region) => region.role === 'primary')!.name;
  const instances = createInstances(manifest, roles);
  const byId = new Map(instances.map((instance) => [instance.id, instance]));

  const layersByName = new Map(manifest.layers.map((layer) => [layer.name, layer]));
  const resolver = new DependencyResolver(manifest, instances, byId, primary);

  for (const layer of manifest.layers) {
    for (const dependency of layer.dependsOn) {
      const target = layersByName.get(dependency.layer)!;
      if (!checkDependencyShape(layer, dependency, target, report)) continue;
      const failures: string[] = [];
      for (const instance of resolver.instancesOf(layer.name)) {
        const resolved = resolver.resolve(instance, dependency, target);
        if (typeof resolved === 'string') failures.push(resolved);
        else for (const id of resolved) if (id !== instance.id) instance.dependsOn.push(id);
      }
      if (failures.length > 0) {
        const more =
          failures.length > 1
            ? ` (and ${failures.length - 1} more instance${failures.length > 2 ? 's' : ''})`
            : '';
        report(dependency.at, `${failures[0]}${more}`);
      }
    }
  }
  for (const instance of instances) {
    if (instance.dependsOn.length > 1) instance.dependsOn = [...new Set(instance.dependsOn)].sort(compareIds);
  }

  const dependents = new Map<string, string[]>(instances.map((instance) => [instance.id, []]));
  for (const instance of instances)
    for (const dependency of instance.dependsOn) dependents.get(dependency)!.push(instance.id);
  for (const list of dependents.values()) list.sort();

  if (problems.length === 0) {
    const cycle = findCycle(instances, byId);
    if (cycle) reportCycle(cycle, byId, layersByName, report);
  }
  checkStateLocations(instances, report);
  if (problems.length > 0) throw new ManifestError(problems);
  const inputsOf = (id: string): DependencyInput[] => {
    const instance = byId.get(id)!;
    const layer = layersByName.get(instance.layer)!;
    return layer.dependsOn.flatMap((dependency) => {
      const target = layersByName.get(dependency.layer)!;
      const fanIn = SCOPE_COORDINATES[target.scope].filter((coordinate) => dependency[coordinate] === 'all');
      const resolved = resolver.resolve(instance, dependency, target) as string[];
      const sources = resolved
        .filter((source) => source !== id)
        .map((source) => ({
          id: source,
          key: fanIn.map((coordinate) => byId.get(source)![coordinate]).join('/'),
        }));
      return sources.length === 0
        ? []
        : [{ variable: dependency.variable, isFanIn: fanIn.length > 0, sources }];
    });
  };
  return { instances, byId, dependents, inputsOf };
}

function createInstances(manifest: Manifest, roles: Map<string, RegionRole>): Instance[] {
  const globalRegion = manifest.backend.globalRegion;
  const instances: Instance[] = [];
  const hasTokenVars = new Map(manifest.layers.map((layer) => [layer.name, containsTokens(layer.vars)]));
  const add = (
    layer: LayerSpec,
    account: Manifest['accounts'][number] | null,
    region: string | null,
    environment: string | null,
  ) => {
    const base = {
      id: instanceId(layer.name, account?.name ?? null, region, environment),
      layer: layer.name,
      scope: layer.scope,
      account: account?.name ?? null,
      accountId: account?.id ?? null,
      region,
      environment,
    };
    const stateRegion = region ?? globalRegion;
    const values = tokenValues(base, stateRegion, roles.get(stateRegion)!);
    instances.push({
      ...base,
      role: region === null ? null : roles.get(region)!,
      path: layer.path,
      dependsOn: [],
      backend: renderBackend(manifest.backend.type, manifest.backend.config, values),
      vars: hasTokenVars.get(layer.name)
        ? (renderValue(layer.vars, values) as Record<string, unknown>)
        : layer.vars,
    });
  };
  for (const layer of manifest.layers) {
    if (layer.scope === 'global') {
      add(layer, null, null, null);
      continue;
    }
    for (const account of manifest.accounts) {
      if (layer.scope === 'account') {
        add(layer, account, null, null);
        continue;
      }
      for (const region of account.regions) {
        if (layer.scope === 'region') {
          add(layer, account, region, null);
          continue;
        }
        for (const environment of account.environments) {
          if (environment.regions.includes(region)) add(layer, account, region, environment.name);
        }
      }
    }
  }
  return instances;
}

/** Rules that depend only on the two layers' scopes, checked once per dependency rather than per instance. */
function checkDependencyShape(
  layer: LayerSpec,
  dependency: DependencySpec,
  target: LayerSpec,
  report: (path: ManifestPath, message: string) => void,
): boolean {
  const targetCoordinates = SCOPE_COORDINATES[target.scope];
  const ownCoordinates = SCOPE_COORDINATES[layer.scope];
  let ok = true;
  for (const coordinate of COORDINATES) {
    const value = dependency[coordinate];
    if (!targetCoordinates.includes(coordinate)) {
      if (value !== 'same') {
        report(
          [...dependency.at, coordinate],
          `layer '${layer.name}' selects ${coordinate} '${value}' of '${target.name}', but '${target.name}' is ${target.scope}-scoped and has no ${coordinate}; remove '${coordinate}' from this dependency`,
        );
        ok = false;
      }
    } else if (value === 'same' && !ownCoordinates.includes(coordinate)) {
      const choices =
        coordinate === 'region' ? `'primary', 'all' or a region name` : `'all' or an ${coordinate} name`;
      report(
        dependency.at,
        `layer '${layer.name}' (${layer.scope} scope) depends on '${target.name}' (${target.scope} scope), which has one instance per ${coordinate}; ${layer.scope}-scoped instances have no ${coordinate} of their own, so say which: {layer: ${target.name}, ${coordinate}: ${choices}}`,
      );
      ok = false;
    }
  }
  return ok;
}

/**
 * Resolves `depends_on` entries to instance ids. Fan-in selectors use an index of the target layer's instances
 * by the coordinates the selector fixes, built once per pattern, so a large estate is not scanned per instance.
 */
class DependencyResolver {
  private readonly byLayer = new Map<string, Instance[]>();
  private readonly fanInIndexes = new Map<string, Map<string, string[]>>();

  constructor(
    private readonly manifest: Manifest,
    instances: readonly Instance[],
    private readonly byId: ReadonlyMap<string, Instance>,
    private readonly primary: string,
  ) {
    for (const instance of instances) {
      const list = this.byLayer.get(instance.layer);
      if (list) list.push(instance);
      else this.byLayer.set(instance.layer, [instance]);
    }
  }

  instancesOf(layer: string): readonly Instance[] {
    return this.byLayer.get(layer) ?? [];
  }

  /** The ids a dependency selects for one instance, or a message saying why it selects nothing. */
  resolve(instance: Instance, dependency: DependencySpec, target: LayerSpec): string[] | string {
    const coordinates = SCOPE_COORDINATES[target.scope];
    const fixed: Partial<Record<Coordinate, string>> = {};
    let isFanIn = false;
    for (const coordinate of coordinates) {
      const value = dependency[coordinate];
      if (value === 'all') isFanIn = true;
      else if (value === 'same') fixed[coordinate] = instance[coordinate]!;
      else if (value === 'primary') fixed[coordinate] = this.primary;
      else fixed[coordinate] = value;
    }
    if (!isFanIn) {
      const id = instanceId(
        target.name,
        fixed.account ?? null,
        fixed.region ?? null,
        fixed.environment ?? null,
      );
      if (this.byId.has(id)) return [id];
      const selector = coordinates.map((coordinate) => `${coordinate} ${fixed[coordinate]}`).join(', ');
      return `'${instance.id}' depends on '${target.name}' in ${selector}, but there is no such instance ('${id}'): ${whyMissing(fixed, this.manifest)}`;
    }
    const fixedCoordinates = coordinates.filter((coordinate) => fixed[coordinate] !== undefined);
    const matches = this.fanInIndex(target.name, fixedCoordinates).get(
      fixedCoordinates.map((coordinate) => fixed[coordinate]).join('/'),
    );
    if (matches && matches.length > 0) return matches;
    return `'${instance.id}' depends on every matching instance of '${target.name}', but none exists`;
  }

  private fanInIndex(layer: string, fixedCoordinates: readonly Coordinate[]): Map<string, string[]> {
    const name = `${layer}|${fixedCoordinates.join(',')}`;
    let index = this.fanInIndexes.get(name);
    if (!index) {
      index = new Map();
      for (const candidate of this.instancesOf(layer)) {
        const key = fixedCoordinates.map((coordinate) => candidate[coordinate]).join('/');
        const list = index.get(key);
        if (list) list.push(candidate.id);
        else index.set(key, [candidate.id]);
      }
      this.fanInIndexes.set(name, index);
    }
    return index;
  }
}

function whyMissing(fixed: Partial<Record<Coordinate, string>>, manifest: Manifest): string {
  const account = manifest.accounts.find((candidate) => candidate.name === fixed.account);
  if (fixed.account !== undefined && !account) return `there is no account '${fixed.account}'`;
  if (account && fixed.region !== undefined && !account.regions.includes(fixed.region)) {
    return `account '${account.name}' does not have region '${fixed.region}'`;
  }
  if (account && fixed.environment !== undefined) {
    const environment = account.environments.find((candidate) => candidate.name === fixed.environment);
    if (!environment) return `account '${account.name}' has no environment '${fixed.environment}'`;
    if (fixed.region !== undefined && !environment.regions.includes(fixed.region)) {
      return `environment '${environment.name}' does not run in region '${fixed.region}'`;
    }
  }
  return 'check the selector';
}

function reportCycle(
  cycle: string[],
  byId: Map<string, Instance>,
  layersByName: Map<string, LayerSpec>,
  report: (path: ManifestPath, message: string) => void,
) {
  const first = byId.get(cycle[0]!)!;
  const next = byId.get(cycle[1]!)!;
  const layer = layersByName.get(first.layer)!;
  const edge = layer.dependsOn.find((dependency) => dependency.layer === next.layer);
  const layerCycle = cycle.map((id) => byId.get(id)!.layer);
  report(
    edge?.at ?? ['layers', layer.index, 'depends_on'],
    `dependency cycle: ${cycle.join(' -> ')} (layers ${layerCycle.join(' -> ')}); remove one of these dependencies`,
  );
}

function checkTokens(manifest: Manifest, report: (path: ManifestPath, message: string) => void) {
  const check = (value: unknown, path: (string | number)[]) => {
    if (typeof value === 'string') {
      for (const token of unknownTokens(value)) {
        report(
          path,
          `${describePath(path)}: unknown token '{${token}}'; tokens are {id} {layer} {scope} {account} {account_id} {region} {environment} {role}`,
        );
      }
    } else if (Array.isArray(value)) value.forEach((item, index) => check(item, [...path, index]));
    else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) check(item, [...path, key]);
    }
  };
  check(manifest.backend.config, ['backend', 'config']);
  for (const layer of manifest.layers) check(layer.vars, ['layers', layer.index, 'vars']);
}

function checkStateLocations(instances: Instance[], report: (path: ManifestPath, message: string) => void) {
  const owners = new Map<string, string>();
  const clashes: string[] = [];
  for (const instance of instances) {
    const key = stateLocationKey(instance.backend);
    const owner = owners.get(key);
    if (owner === undefined) owners.set(key, instance.id);
    else clashes.push(`'${owner}' and '${instance.id}'`);
  }
  if (clashes.length > 0) {
    const more =
      clashes.length > 1 ? ` (and ${clashes.length - 1} more pair${clashes.length > 2 ? 's' : ''})` : '';
    report(
      ['backend', 'config'],
      `instances ${clashes[0]} would share one state location${more}; every instance needs its own: put {id} (or every coordinate that tells them apart) into backend.config`,
    );
  }
}
