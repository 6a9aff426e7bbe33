import {
  compileRegionalBackend,
  compileStateLocation,
  compileValue,
  containsTokens,
  unknownTokens,
  type TokenValues,
} from '../backend/tokens.js';
import { ManifestError, type ManifestProblem } from '../errors.js';
import { describePath } from '../manifest/parse-manifest.js';
import type { DependencySpec, LayerSpec, Manifest, ManifestPath } from '../manifest/types.js';
import { findCycle } from './find-cycle.js';
import {
  countsOf,
  dependentsMap,
  levelsOf,
  rememberGraphIndex,
  reverseEdges,
  sortByIds,
  type Edges,
} from './graph-index.js';
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
  // Joined, not concatenated: ids are kept for every instance, and `+` keeps each id as a tree of pieces.
  const parts: string[] = [];
  if (account !== null) parts.push(account);
  if (region !== null) parts.push(region);
  if (environment !== null) parts.push(environment);
  parts.push(layer);
  return parts.join('/');
}

/**
 * Expands a manifest into its layer instances and the dependency edges between them, renders each
 * instance's backend and vars, and checks the result: every dependency resolves to existing instances, the
 * graph has no cycle, and no two instances share a state location. Problems are reported together.
 *
 * Large estates (100,000 instances) shape the implementation: instances are numbered by position, their
 * coordinates by index, and dependencies are resolved, deduplicated and checked for cycles as integers, so
 * the only strings made per instance are the ones it keeps.
 */
export function expandManifest(manifest: Manifest): LayerGraph {
  const problems: ManifestProblem[] = [];
  const report = (path: ManifestPath, message: string) =>
    problems.push({ file: manifest.file, ...manifest.locate(path), message });

  checkTokens(manifest, report);
  if (problems.length > 0) throw new ManifestError(problems);

  const cells = new Cells(manifest);
  const expansion = createInstances(manifest, cells);
  const { instances } = expansion;
  // The id index, built on first use: `strata graph --format json` goes by position and never needs it.
  let byId: Map<string, Instance> | undefined;
  const byIdMap = (): Map<string, Instance> => {
    if (!byId) {
      byId = new Map();
      for (let position = 0; position < instances.length; position++)
        byId.set(instances[position]!.id, instances[position]!);
    }
    return byId;
  };

  const layersByName = new Map(manifest.layers.map((layer) => [layer.name, layer]));
  const resolver = new DependencyResolver(manifest, expansion, cells);

  // Per layer, each accepted dependency's group (see TargetIndex) for each of the layer's instances.
  const groupsByLayer: { selector: Selector; groups: Int32Array }[][] = [];
  manifest.layers.forEach((layer, layerIndex) => {
    const start = expansion.layerStart[layerIndex]!;
    const end = expansion.layerStart[layerIndex + 1]!;
    const resolved: { selector: Selector; groups: Int32Array }[] = [];
    for (const dependency of layer.dependsOn) {
      const target = layersByName.get(dependency.layer)!;
      if (!checkDependencyShape(layer, dependency, target, report)) continue;
      const selector = resolver.selector(dependency, target);
      const groups = resolver.groupsOf(selector, start, end);
      let failures = 0;
      let firstFailure = -1;
      for (let position = start; position < end; position++) {
        if (groups[position - start]! < 0 && failures++ === 0) firstFailure = position;
      }
      if (failures > 0) {
        const more = failures > 1 ? ` (and ${failures - 1} more instance${failures > 2 ? 's' : ''})` : '';
        report(
          dependency.at,
          `${resolver.whyUnresolved(instances[firstFailure]!, dependency, target)}${more}`,
        );
      }
      resolved.push({ selector, groups });
    }
    groupsByLayer.push(resolved);
  });

  let indexed: { edges: Edges; dependents: Edges; levels: Int32Array } | undefined;
  if (problems.length === 0) {
    const edges = collectDependencies(expansion, groupsByLayer);
    const dependents = reverseEdges(instances.length, edges);
    const levels = levelsOf(countsOf(edges.start), dependents);
    if (levels) indexed = { edges, dependents, levels };
    else {
      const cycle = findCycle(instances, byIdMap());
      if (cycle) reportCycle(cycle, byIdMap(), layersByName, report);
    }
  }
  checkStateLocations(manifest, instances, report);
  if (problems.length > 0 || !indexed) throw new ManifestError(problems);

  const inputsOf = (id: string): DependencyInput[] => {
    const instance = byIdMap().get(id)!;
    const layer = layersByName.get(instance.layer)!;
    return layer.dependsOn.flatMap((dependency) => {
      const target = layersByName.get(dependency.layer)!;
      const fanIn = SCOPE_COORDINATES[target.scope].filter((coordinate) => dependency[coordinate] === 'all');
      const members = resolver.resolve(instance, dependency, target);
      const sources: { id: string; key: string }[] = [];
      for (const member of members) {
        const source = instances[member]!;
        if (source.id === id) continue;
        sources.push({ id: source.id, key: fanIn.map((coordinate) => source[coordinate]).join('/') });
      }
      return sources.length === 0
        ? []
        : [{ variable: dependency.variable, isFanIn: fanIn.length > 0, sources }];
    });
  };
  const { edges, dependents: reverse, levels } = indexed;
  let dependents: Map<string, string[]> | undefined;
  const graph: LayerGraph = {
    instances,
    get byId() {
      return byIdMap();
    },
    // Reverse edges as strings are only needed to select by changed files: built on first use.
    get dependents() {
      dependents ??= dependentsMap(instances, reverse);
      return dependents;
    },
    inputsOf,
  };
  rememberGraphIndex(graph, { dependsOn: edges, dependents: reverse, levels });
  return graph;
}

/**
 * Merges each instance's resolved dependencies into one list without itself or repeats, sorted by id, as
 * both the instance's `dependsOn` and the integer edge list.
 */
function collectDependencies(
  expansion: Expansion,
  groupsByLayer: { selector: Selector; groups: Int32Array }[][],
): Edges {
  const { instances, ids } = expansion;
  const count = instances.length;
  const start = new Int32Array(count + 1);
  let targets = new Int32Array(Math.max(16, count * 4));
  let used = 0;
  const seenBy = new Int32Array(count).fill(-1);
  for (let layerIndex = 0; layerIndex < groupsByLayer.length; layerIndex++) {
    const resolved = groupsByLayer[layerIndex]!;
    const first = expansion.layerStart[layerIndex]!;
    const end = expansion.layerStart[layerIndex + 1]!;
    for (let position = first; position < end; position++) {
      const from = used;
      for (let dependency = 0; dependency < resolved.length; dependency++) {
        const { selector, groups } = resolved[dependency]!;
        const group = groups[position - first]!;
        const { groupStart, members } = selector.index;
        for (let at = groupStart[group]!; at < groupStart[group + 1]!; at++) {
          const member = members[at]!;
          if (member === position || seenBy[member] === position) continue;
          seenBy[member] = position;
          if (used === targets.length) {
            const grown = new Int32Array(targets.length * 2);
            grown.set(targets);
            targets = grown;
          }
          targets[used++] = member;
        }
      }
      sortByIds(targets, from, used, ids);
      const dependsOn = new Array<string>(used - from);
      for (let at = from; at < used; at++) dependsOn[at - from] = ids[targets[at]!]!;
      instances[position]!.dependsOn = dependsOn;
      start[position + 1] = used;
    }
  }
  return { start, targets: targets.slice(0, used) };
}

/** Numbers for the names instances are placed by: accounts in manifest order, regions and environment names as first seen. */
class Cells {
  readonly accounts = new Map<string, number>();
  readonly regions = new Map<string, number>();
  readonly environments = new Map<string, number>();

  constructor(manifest: Manifest) {
    manifest.accounts.forEach((account, index) => this.accounts.set(account.name, index));
    manifest.regions.forEach((region) => this.number(this.regions, region.name));
    manifest.accounts.forEach((account) => {
      account.regions.forEach((region) => this.number(this.regions, region));
      account.environments.forEach((environment) => {
        this.number(this.environments, environment.name);
        environment.regions.forEach((region) => this.number(this.regions, region));
      });
    });
  }

  number(names: Map<string, number>, name: string): number {
    let index = names.get(name);
    if (index === undefined) {
      index = names.size;
      names.set(name, index);
    }
    return index;
  }

  /** What each coordinate's index (+1) is multiplied by in a key. */
  factors(): [number, number, number] {
    const regionFactor = this.accounts.size + 1;
    return [1, regionFactor, regionFactor * (this.regions.size + 1)];
  }

  /** One number per combination of coordinate indexes (-1 where absent or not fixed). */
  key(account: number, region: number, environment: number): number {
    return (
      account + 1 + (this.accounts.size + 1) * (region + 1 + (this.regions.size + 1) * (environment + 1))
    );
  }
}

interface Expansion {
  instances: Instance[];
  /** instances[p].id, kept apart for the sorts that compare ids. */
  ids: string[];
  /** Coordinate indexes of each instance (Cells), -1 where its scope has none. */
  account: Int32Array;
  region: Int32Array;
  environment: Int32Array;
  /** Instances of manifest.layers[l] sit at positions layerStart[l] to layerStart[l + 1]. */
  layerStart: number[];
}

/**
 * The instances, in manifest layer order, then account, region and environment. This is the loop that runs
 * once per instance: the arrays are sized up front, the token values object is reused, and ids are joined.
 */
function createInstances(manifest: Manifest, cells: Cells): Expansion {
  const { accounts, layers } = manifest;
  const globalRegion = manifest.backend.globalRegion;
  const roles = new Map<string, RegionRole>(manifest.regions.map((region) => [region.name, region.role]));
  const renderBackend = compileRegionalBackend(manifest.backend);

  const regionCount = accounts.reduce((sum, account) => sum + account.regions.length, 0);
  const environmentCount = accounts.reduce(
    (sum, account) =>
      sum +
      account.regions.reduce(
        (inRegion, region) =>
          inRegion +
          account.environments.filter((environment) => environment.regions.includes(region)).length,
        0,
      ),
    0,
  );
  const cellsOf: Record<Scope, number> = {
    global: 1,
    account: accounts.length,
    region: regionCount,
    environment: environmentCount,
  };
  const count = layers.reduce((sum, layer) => sum + cellsOf[layer.scope], 0);
  const expansion: Expansion = {
    instances: new Array<Instance>(count),
    ids: new Array<string>(count),
    account: new Int32Array(count),
    region: new Int32Array(count),
    environment: new Int32Array(count),
    layerStart: [],
  };

  // Placeholder until the dependencies are resolved; every instance then gets its own array.
  const unresolved: string[] = [];
  // Read by the renderers while rendering one instance, never kept.
  const values: TokenValues = {
    id: '',
    layer: '',
    scope: '',
    account: '',
    account_id: '',
    region: '',
    environment: '',
    role: '',
  };
  const idParts: string[][] = [[], ['', ''], ['', '', ''], ['', '', '', '']];
  // Cells indexes of each account's regions and environments, and each region's role, looked up once.
  const regionCells = accounts.map((account) => account.regions.map((region) => cells.regions.get(region)!));
  const environmentCells = accounts.map((account) =>
    account.environments.map((environment) => cells.environments.get(environment.name)!),
  );
  const roleOfCell = new Array<RegionRole>(cells.regions.size);
  for (const [name, cell] of cells.regions) roleOfCell[cell] = roles.get(name)!;
  const globalRole = roles.get(globalRegion)!;
  let position = 0;
  const add = (
    layer: LayerSpec,
    renderVars: ((values: TokenValues) => unknown) | undefined,
    accountIndex: number,
    regionIndex: number,
    environmentIndex: number,
  ) => {
    const account = accountIndex < 0 ? null : accounts[accountIndex]!;
    const region = regionIndex < 0 ? null : account!.regions[regionIndex]!;
    const environment = environmentIndex < 0 ? null : account!.environments[environmentIndex]!.name;
    let id = layer.name;
    if (account !== null) {
      // Joined, not concatenated: `+` would keep each id as a tree of pieces for as long as the instance lives.
      const parts = idParts[region === null ? 1 : environment === null ? 2 : 3]!;
      parts[0] = account.name;
      if (region !== null) parts[1] = region;
      if (environment !== null) parts[2] = environment;
      parts[parts.length - 1] = layer.name;
      id = parts.join('/');
    }
    const regionCell = regionIndex < 0 ? -1 : regionCells[accountIndex]![regionIndex]!;
    const role = regionCell < 0 ? null : roleOfCell[regionCell]!;
    values.id = id;
    values.layer = layer.name;
    values.scope = layer.scope;
    values.account = account === null ? 'global' : account.name;
    values.account_id = account === null ? 'global' : account.id;
    values.region = region ?? globalRegion;
    values.environment = environment ?? 'global';
    values.role = regionCell < 0 ? globalRole : role!;
    expansion.instances[position] = {
      id,
      layer: layer.name,
      scope: layer.scope,
      account: account === null ? null : account.name,
      accountId: account === null ? null : account.id,
      region,
      environment,
      role,
      path: layer.path,
      dependsOn: unresolved,
      backend: renderBackend(values),
      vars: renderVars ? (renderVars(values) as Record<string, unknown>) : layer.vars,
    };
    expansion.ids[position] = id;
    expansion.account[position] = accountIndex;
    expansion.region[position] = regionCell;
    expansion.environment[position] =
      environmentIndex < 0 ? -1 : environmentCells[accountIndex]![environmentIndex]!;
    position++;
  };
  // Indexed loops: iterators cost an object per step until the code is optimised.
  for (let layerIndex = 0; layerIndex < layers.length; layerIndex++) {
    const layer = layers[layerIndex]!;
    expansion.layerStart.push(position);
    const renderVars = containsTokens(layer.vars) ? compileValue(layer.vars) : undefined;
    if (layer.scope === 'global') {
      add(layer, renderVars, -1, -1, -1);
      continue;
    }
    for (let accountIndex = 0; accountIndex < accounts.length; accountIndex++) {
      const account = accounts[accountIndex]!;
      if (layer.scope === 'account') {
        add(layer, renderVars, accountIndex, -1, -1);
        continue;
      }
      for (let regionIndex = 0; regionIndex < account.regions.length; regionIndex++) {
        if (layer.scope === 'region') {
          add(layer, renderVars, accountIndex, regionIndex, -1);
          continue;
        }
        const region = account.regions[regionIndex]!;
        for (let environmentIndex = 0; environmentIndex < account.environments.length; environmentIndex++) {
          if (account.environments[environmentIndex]!.regions.includes(region))
            add(layer, renderVars, accountIndex, regionIndex, environmentIndex);
        }
      }
    }
  }
  expansion.layerStart.push(position);
  return expansion;
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
 * A target layer's instances grouped by the coordinates a selector fixes: group g holds
 * `members[groupStart[g]..groupStart[g + 1])`, positions in instance order; `groups` maps a Cells key of the
 * fixed coordinates to its group. A plain dependency fixes every coordinate, so its groups hold one instance.
 */
interface TargetIndex {
  groups: GroupTable;
  groupStart: Int32Array;
  members: Int32Array;
}

/** Cells key -> group: an array where the keys are few enough, else a map. */
interface GroupTable {
  dense: Int32Array | undefined;
  sparse: Map<number, number> | undefined;
}

function groupIn(table: GroupTable, key: number): number {
  if (table.dense) return key < table.dense.length ? table.dense[key]! : -1;
  return table.sparse!.get(key) ?? -1;
}

/**
 * One `depends_on` entry, compiled: for each coordinate of the target, where its value comes from. 'same'
 * takes the dependent's own (-1 here), a name or 'primary' a fixed index, 'all' leaves it free (-2).
 */
interface Selector {
  account: number;
  region: number;
  environment: number;
  /** A named coordinate that no instance has: the selector matches nothing. */
  isEmpty: boolean;
  index: TargetIndex;
}

const SAME = -1;
const FREE = -2;

/** A selector coordinate's index for a dependent whose own index is `own` (-1: the key leaves it out). */
function pick(from: number, own: number): number {
  return from === SAME ? own : from === FREE ? -1 : from;
}

/**
 * Resolves `depends_on` entries to instance positions. Each selector groups its target layer's instances by
 * the coordinates it fixes, once per pattern, so a large estate is not scanned per instance.
 */
class DependencyResolver {
  private readonly primary: string;
  private readonly indexes = new Map<string, TargetIndex>();
  private readonly selectors = new Map<DependencySpec, Selector>();
  private readonly layerPositions = new Map<string, number>();

  constructor(
    private readonly manifest: Manifest,
    private readonly expansion: Expansion,
    private readonly cells: Cells,
  ) {
    this.primary = manifest.regions.find((region) => region.role === 'primary')!.name;
    manifest.layers.forEach((layer, index) => this.layerPositions.set(layer.name, index));
  }

  selector(dependency: DependencySpec, target: LayerSpec): Selector {
    let selector = this.selectors.get(dependency);
    if (selector) return selector;
    const coordinates = SCOPE_COORDINATES[target.scope];
    let isEmpty = false;
    const source = (coordinate: Coordinate, names: ReadonlyMap<string, number>): number => {
      if (!coordinates.includes(coordinate)) return FREE;
      const value = dependency[coordinate];
      if (value === 'all') return FREE;
      if (value === 'same') return SAME;
      const index = names.get(value === 'primary' ? this.primary : value);
      if (index === undefined) isEmpty = true;
      return index ?? FREE;
    };
    const account = source('account', this.cells.accounts);
    const region = source('region', this.cells.regions);
    const environment = source('environment', this.cells.environments);
    const pattern = `${target.name}|${account !== FREE}|${region !== FREE}|${environment !== FREE}`;
    let index = this.indexes.get(pattern);
    if (!index) {
      index = this.targetIndex(target, account !== FREE, region !== FREE, environment !== FREE);
      this.indexes.set(pattern, index);
    }
    selector = { account, region, environment, isEmpty, index };
    this.selectors.set(dependency, selector);
    return selector;
  }

  /**
   * The group of target instances a selector picks for each instance from position `start` to `end` (-1 for
   * none). One tight loop: this runs once per instance and dependency. Its key is Cells.key with the
   * selector's fixed coordinates folded into a constant.
   */
  groupsOf(selector: Selector, start: number, end: number): Int32Array {
    const groups = new Int32Array(end - start);
    if (selector.isEmpty) return groups.fill(-1);
    const factors = this.cells.factors();
    let constant = 0;
    const own = [0, 0, 0];
    [selector.account, selector.region, selector.environment].forEach((from, coordinate) => {
      if (from === SAME) own[coordinate] = factors[coordinate]!;
      else if (from !== FREE) constant += factors[coordinate]! * (from + 1);
    });
    const [byAccount, byRegion, byEnvironment] = own as [number, number, number];
    const { account, region, environment } = this.expansion;
    const { dense, sparse } = selector.index.groups;
    for (let position = start; position < end; position++) {
      const key =
        constant +
        byAccount * (account[position]! + 1) +
        byRegion * (region[position]! + 1) +
        byEnvironment * (environment[position]! + 1);
      groups[position - start] = dense ? (key < dense.length ? dense[key]! : -1) : (sparse!.get(key) ?? -1);
    }
    return groups;
  }

  /** The positions a dependency selects for an instance of a checked graph, in instance order. */
  resolve(instance: Instance, dependency: DependencySpec, target: LayerSpec): Int32Array {
    const selector = this.selector(dependency, target);
    const { cells } = this;
    const group = this.groupAt(
      selector,
      instance.account === null ? -1 : cells.accounts.get(instance.account)!,
      instance.region === null ? -1 : cells.regions.get(instance.region)!,
      instance.environment === null ? -1 : cells.environments.get(instance.environment)!,
    );
    const { groupStart, members } = selector.index;
    return group < 0 ? new Int32Array(0) : members.subarray(groupStart[group], groupStart[group + 1]);
  }

  /** Why a dependency selects nothing for an instance. */
  whyUnresolved(instance: Instance, dependency: DependencySpec, target: LayerSpec): string {
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
    if (isFanIn) {
      return `'${instance.id}' depends on every matching instance of '${target.name}', but none exists`;
    }
    const id = instanceId(
      target.name,
      fixed.account ?? null,
      fixed.region ?? null,
      fixed.environment ?? null,
    );
    const selector = coordinates.map((coordinate) => `${coordinate} ${fixed[coordinate]}`).join(', ');
    return `'${instance.id}' depends on '${target.name}' in ${selector}, but there is no such instance ('${id}'): ${whyMissing(fixed, this.manifest)}`;
  }

  private groupAt(selector: Selector, account: number, region: number, environment: number): number {
    if (selector.isEmpty) return -1;
    const key = this.cells.key(
      pick(selector.account, account),
      pick(selector.region, region),
      pick(selector.environment, environment),
    );
    return groupIn(selector.index.groups, key);
  }

  private targetIndex(
    target: LayerSpec,
    byAccount: boolean,
    byRegion: boolean,
    byEnvironment: boolean,
  ): TargetIndex {
    const { expansion, cells } = this;
    const layerIndex = this.layerPositions.get(target.name)!;
    const first = expansion.layerStart[layerIndex]!;
    const end = expansion.layerStart[layerIndex + 1]!;
    // Keys can pass 2^31 in a large enough estate: doubles hold them exactly.
    const keys = new Float64Array(end - first);
    const groupOf = new Int32Array(end - first);
    let largest = 0;
    for (let position = first; position < end; position++) {
      const key = cells.key(
        byAccount ? expansion.account[position]! : -1,
        byRegion ? expansion.region[position]! : -1,
        byEnvironment ? expansion.environment[position]! : -1,
      );
      keys[position - first] = key;
      if (key > largest) largest = key;
    }
    const groups: GroupTable =
      largest < 4 * (end - first) + 1024
        ? { dense: new Int32Array(largest + 1).fill(-1), sparse: undefined }
        : { dense: undefined, sparse: new Map() };
    const sizes: number[] = [];
    for (let position = first; position < end; position++) {
      const key = keys[position - first]!;
      let group = groupIn(groups, key);
      if (group < 0) {
        group = sizes.length;
        if (groups.dense) groups.dense[key] = group;
        else groups.sparse!.set(key, group);
        sizes.push(0);
      }
      sizes[group]!++;
      groupOf[position - first] = group;
    }
    const groupStart = new Int32Array(sizes.length + 1);
    sizes.forEach((size, group) => (groupStart[group + 1] = groupStart[group]! + size));
    const next = groupStart.slice(0, sizes.length);
    const members = new Int32Array(end - first);
    for (let position = first; position < end; position++) {
      members[next[groupOf[position - first]!]!++] = position;
    }
    return { groups, groupStart, members };
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
  check(manifest.backend.regionConfig, ['backend', 'region_config']);
  for (const layer of manifest.layers) check(layer.vars, ['layers', layer.index, 'vars']);
}

function checkStateLocations(
  manifest: Manifest,
  instances: Instance[],
  report: (path: ManifestPath, message: string) => void,
) {
  const location = compileStateLocation(manifest.backend);
  if (location.isUnique) return;
  const owners = new Map<string, string>();
  const clashes: string[] = [];
  for (const instance of instances) {
    const key = location.key(instance.backend);
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
