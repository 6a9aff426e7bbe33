import type { DependencySpec, LayerSpec, Manifest } from '../manifest/types.js';
import { primaryRegionOf } from '../manifest/primary-region.js';
import { SCOPE_COORDINATES, type Cells, type Coordinate } from './cells.js';
import { definedOrThrow, getOrThrow, itemAt } from '../lookup.js';
import { floatAt, idAt, intAt } from './checked-reads.js';
import { coordinatesAt, type Placement } from './place-instances.js';

/**
 * A target layer's instances grouped by the coordinates a selector fixes: group g holds
 * `members[groupStart[g]..groupStart[g + 1])`, positions in instance order; `groups` maps a Cells key of the
 * fixed coordinates to its group. A plain dependency fixes every coordinate, so its groups hold one instance.
 */
export interface TargetIndex {
  groups: GroupTable;
  groupStart: Int32Array;
  members: Int32Array;
}

/**
 * Cells key -> group (-1 for none): an array where the keys are few enough, else a map. Both fields are always
 * there (the unused one empty), so that the table has one shape in the loops that read it.
 */
interface GroupTable {
  isDense: boolean;
  dense: Int32Array;
  sparse: Map<number, number>;
}

function groupIn(table: GroupTable, key: number): number {
  if (table.isDense) return key < table.dense.length ? intAt(table.dense, key) : -1;
  return table.sparse.get(key) ?? -1;
}

/**
 * One `depends_on` entry, compiled: for each coordinate of the target, where its value comes from. 'same'
 * takes the dependent's own (-1 here), a name or 'primary' a fixed index, 'all' leaves it free (-2).
 */
export interface Selector {
  account: number;
  region: number;
  environment: number;
  /** A named coordinate that no instance has: the selector matches nothing. */
  isEmpty: boolean;
  index: TargetIndex;
}

const SAME = -1;
const FREE = -2;

/**
 * Resolves `depends_on` entries to instance positions. Each selector groups its target layer's instances by
 * the coordinates it fixes, once per pattern, so a large estate is not scanned per instance.
 */
export class DependencyResolver {
  private readonly primary: string;
  private readonly indexes = new Map<string, TargetIndex>();
  private readonly selectors = new Map<DependencySpec, Selector>();
  private readonly layerPositions = new Map<string, number>();

  constructor(
    private readonly manifest: Manifest,
    private readonly placement: Placement,
    private readonly cells: Cells,
  ) {
    this.primary = primaryRegionOf(manifest);
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
    const pattern = `${target.name}|${String(account !== FREE)}|${String(region !== FREE)}|${String(environment !== FREE)}`;
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
    // Each coordinate's factor in Cells.key: fixed ones add a constant, 'same' ones the dependent's own index.
    const [accountFactor, regionFactor, environmentFactor] = this.cells.factors();
    const ownFactor = (from: number, factor: number) => (from === SAME ? factor : 0);
    const fixedPart = (from: number, factor: number) => (from >= 0 ? factor * (from + 1) : 0);
    const byAccount = ownFactor(selector.account, accountFactor);
    const byRegion = ownFactor(selector.region, regionFactor);
    const byEnvironment = ownFactor(selector.environment, environmentFactor);
    const constant =
      fixedPart(selector.account, accountFactor) +
      fixedPart(selector.region, regionFactor) +
      fixedPart(selector.environment, environmentFactor);
    const { account, region, environment } = this.placement;
    const { isDense, dense, sparse } = selector.index.groups;
    for (let position = start; position < end; position++) {
      const key =
        constant +
        byAccount * (intAt(account, position) + 1) +
        byRegion * (intAt(region, position) + 1) +
        byEnvironment * (intAt(environment, position) + 1);
      // A key past the end of the dense array, or not in the map, has no group.
      groups[position - start] = isDense
        ? key < dense.length
          ? intAt(dense, key)
          : -1
        : (sparse.get(key) ?? -1);
    }
    return groups;
  }

  /** Why a dependency selects nothing for an instance. */
  whyUnresolved(position: number, dependency: DependencySpec, target: LayerSpec): string {
    const id = idAt(this.placement.ids, position);
    const own = coordinatesAt(this.manifest, this.placement, position);
    const coordinates = SCOPE_COORDINATES[target.scope];
    const fixed: Partial<Record<Coordinate, string>> = {};
    let isFanIn = false;
    for (const coordinate of coordinates) {
      const value = dependency[coordinate];
      if (value === 'all') isFanIn = true;
      // A dependency's coordinates are among its dependent's (checkDependencyShape), so 'same' has a value.
      else if (value === 'same')
        fixed[coordinate] = definedOrThrow(own[coordinate], `the ${coordinate} of '${id}'`);
      else if (value === 'primary') fixed[coordinate] = this.primary;
      else fixed[coordinate] = value;
    }
    if (isFanIn) {
      return `'${id}' depends on every matching instance of '${target.name}', but none exists`;
    }
    const missing = instanceId(
      target.name,
      fixed.account ?? null,
      fixed.region ?? null,
      fixed.environment ?? null,
    );
    const selector = coordinates.map((coordinate) => `${coordinate} ${String(fixed[coordinate])}`).join(', ');
    return `'${id}' depends on '${target.name}' in ${selector}, but there is no such instance ('${missing}'): ${whyMissing(fixed, this.manifest)}`;
  }

  private targetIndex(
    target: LayerSpec,
    byAccount: boolean,
    byRegion: boolean,
    byEnvironment: boolean,
  ): TargetIndex {
    const { placement, cells } = this;
    const layerIndex = getOrThrow(this.layerPositions, target.name, 'layer');
    const first = itemAt(placement.layerStart, layerIndex, 'layer start');
    const end = itemAt(placement.layerStart, layerIndex + 1, 'layer end');
    // Keys can pass 2^31 in a large enough estate: doubles hold them exactly.
    const keys = new Float64Array(end - first);
    const groupOf = new Int32Array(end - first);
    let largest = 0;
    for (let position = first; position < end; position++) {
      const key = cells.key(
        byAccount ? intAt(placement.account, position) : -1,
        byRegion ? intAt(placement.region, position) : -1,
        byEnvironment ? intAt(placement.environment, position) : -1,
      );
      keys[position - first] = key;
      if (key > largest) largest = key;
    }
    const isDense = largest < 4 * (end - first) + 1024;
    const groups: GroupTable = {
      isDense,
      dense: new Int32Array(isDense ? largest + 1 : 0).fill(-1),
      sparse: new Map(),
    };
    // There are at most as many groups as instances.
    const sizes = new Int32Array(end - first);
    let groupCount = 0;
    for (let offset = 0; offset < keys.length; offset++) {
      const key = floatAt(keys, offset);
      let group = groupIn(groups, key);
      if (group < 0) {
        group = groupCount++;
        if (isDense) groups.dense[key] = group;
        else groups.sparse.set(key, group);
      }
      sizes[group] = intAt(sizes, group) + 1;
      groupOf[offset] = group;
    }
    const groupStart = new Int32Array(groupCount + 1);
    for (let group = 0; group < groupCount; group++)
      groupStart[group + 1] = intAt(groupStart, group) + intAt(sizes, group);
    const next = groupStart.slice(0, groupCount);
    const members = new Int32Array(end - first);
    for (let offset = 0; offset < groupOf.length; offset++) {
      const group = intAt(groupOf, offset);
      const slot = intAt(next, group);
      next[group] = slot + 1;
      members[slot] = first + offset;
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
