import type { AccountSpec, Manifest } from '../manifest/types.js';
import { primaryRegionOf } from '../manifest/primary-region.js';
import { getOrThrow, itemAt } from '../lookup.js';
import type { Cells, Coordinate } from './cells.js';
import { intAt } from './checked-reads.js';
import { idListsOf, type Edges } from './edges.js';
import type { Instance, RegionRole, Scope } from './types.js';

/**
 * Where each instance sits, by position, before anything is rendered: in manifest layer order, then account,
 * region and environment. Dependencies are resolved over this table; the instances are made from it after.
 */
export interface Placement {
  /** Each position's instance id. */
  ids: string[];
  /** Each position's index in manifest.layers. */
  layerOf: Int32Array;
  /** Instances of manifest.layers[l] sit at positions layerStart[l] to layerStart[l + 1]. */
  layerStart: number[];
  /** Coordinate indexes of each position (Cells), -1 where its scope has none. */
  account: Int32Array;
  region: Int32Array;
  environment: Int32Array;
  /** Indexes into the account's own `regions` and `environments`, -1 where the scope has none. */
  accountRegion: Int32Array;
  accountEnvironment: Int32Array;
}

/** The names of a position's coordinates (null where its scope has none). */
export function coordinatesAt(
  manifest: Manifest,
  placement: Placement,
  position: number,
): Record<Coordinate, string | null> {
  const { account, region, environment } = placeAt(manifest.accounts, placement, position);
  return { account: account?.name ?? null, region, environment };
}

/** A position's account, and the names of its region and environment (null where its scope has none). */
function placeAt(
  accounts: readonly AccountSpec[],
  placement: Placement,
  position: number,
): { account: AccountSpec | null; region: string | null; environment: string | null } {
  const accountIndex = intAt(placement.account, position);
  if (accountIndex < 0) return { account: null, region: null, environment: null };
  const account = itemAt(accounts, accountIndex, 'account');
  const region = intAt(placement.accountRegion, position);
  const environment = intAt(placement.accountEnvironment, position);
  return {
    account,
    region: region < 0 ? null : itemAt(account.regions, region, 'region'),
    environment: environment < 0 ? null : itemAt(account.environments, environment, 'environment').name,
  };
}

/** A region or environment of one account: its name, its index in the account and in Cells. */
interface PlacedName {
  name: string;
  index: number;
  cell: number;
}

/** Numbers every instance of the manifest. The arrays are sized up front and ids are joined, not concatenated. */
export function placeInstances(manifest: Manifest, cells: Cells): Placement {
  const { accounts, layers } = manifest;
  // Each account with its regions and, in each region, the environments that run there: Cells indexes looked
  // up once, and no environment tested against a region per instance.
  const places = accounts.map((account, index) => {
    const environments = account.environments.map((environment, index) => ({
      name: environment.name,
      index,
      cell: getOrThrow(cells.environments, environment.name, 'environment'),
      regions: environment.regions,
    }));
    return {
      account,
      index,
      regions: account.regions.map((name, index) => ({
        name,
        index,
        cell: getOrThrow(cells.regions, name, 'region'),
        environments: environments.filter((environment) => environment.regions.includes(name)),
      })),
    };
  });
  const regionCount = places.reduce((sum, place) => sum + place.regions.length, 0);
  const environmentCount = places.reduce(
    (sum, place) =>
      sum + place.regions.reduce((inRegion, region) => inRegion + region.environments.length, 0),
    0,
  );
  const cellsOf: Record<Scope, number> = {
    global: 1,
    account: accounts.length,
    region: regionCount,
    environment: environmentCount,
  };
  const count = layers.reduce((sum, layer) => sum + cellsOf[layer.scope], 0);
  const placement: Placement = {
    ids: new Array<string>(count),
    layerOf: new Int32Array(count),
    layerStart: [],
    account: new Int32Array(count),
    region: new Int32Array(count),
    environment: new Int32Array(count),
    accountRegion: new Int32Array(count),
    accountEnvironment: new Int32Array(count),
  };
  // Reused for every id: [account, layer], [account, region, layer], [account, region, environment, layer].
  const accountParts = ['', ''];
  const regionParts = ['', '', ''];
  const environmentParts = ['', '', '', ''];
  let position = 0;
  const add = (
    layerIndex: number,
    name: string,
    place?: (typeof places)[number],
    region?: PlacedName,
    environment?: PlacedName,
  ) => {
    let id = name;
    if (place) {
      // Joined, not concatenated: `+` would keep each id as a tree of pieces for as long as the instance lives.
      const parts =
        region === undefined ? accountParts : environment === undefined ? regionParts : environmentParts;
      parts[0] = place.account.name;
      if (region) parts[1] = region.name;
      if (environment) parts[2] = environment.name;
      parts[parts.length - 1] = name;
      id = parts.join('/');
    }
    placement.ids[position] = id;
    placement.layerOf[position] = layerIndex;
    placement.account[position] = place === undefined ? -1 : place.index;
    placement.region[position] = region === undefined ? -1 : region.cell;
    placement.environment[position] = environment === undefined ? -1 : environment.cell;
    placement.accountRegion[position] = region === undefined ? -1 : region.index;
    placement.accountEnvironment[position] = environment === undefined ? -1 : environment.index;
    position++;
  };
  for (const [layerIndex, { name, scope }] of layers.entries()) {
    placement.layerStart.push(position);
    if (scope === 'global') {
      add(layerIndex, name);
      continue;
    }
    for (const place of places) {
      if (scope === 'account') {
        add(layerIndex, name, place);
        continue;
      }
      // Indexed, not for-of, where the loops run per instance: see expandManifest.
      /* eslint-disable @typescript-eslint/no-non-null-assertion -- indexes below the arrays' lengths */
      for (let regionIndex = 0; regionIndex < place.regions.length; regionIndex++) {
        const region = place.regions[regionIndex]!;
        if (scope === 'region') {
          add(layerIndex, name, place, region);
          continue;
        }
        const { environments } = region;
        for (let environmentIndex = 0; environmentIndex < environments.length; environmentIndex++) {
          add(layerIndex, name, place, region, environments[environmentIndex]);
        }
      }
      /* eslint-enable @typescript-eslint/no-non-null-assertion */
    }
  }
  placement.layerStart.push(position);
  return placement;
}

/**
 * The instances, by position: coordinates, role and `dependsOn` (the ids of its edges; none when the
 * dependencies could not be resolved: such a graph is never returned). Backends and vars are rendered on
 * demand (instance-rendering.ts). This is the loop that runs once per instance.
 */
export function createInstances(
  manifest: Manifest,
  placement: Placement,
  dependsOn: Edges | undefined,
): Instance[] {
  const { accounts, layers } = manifest;
  // Each account's primary region and each of its environments' (primary_region, else the region roles').
  const estatePrimary = primaryRegionOf(manifest);
  const primaries = accounts.map((account) => {
    const ofAccount = account.primaryRegion ?? estatePrimary;
    return {
      ofAccount,
      ofEnvironment: account.environments.map((environment) => environment.primaryRegion ?? ofAccount),
    };
  });
  const { ids } = placement;
  const instances = new Array<Instance>(ids.length);
  // Unchecked reads in this loop, which runs once per instance: every index comes from placeInstances, which
  // made these arrays together. itemAt, shared by every array type, is megamorphic: about 4× slower a read.
  /* eslint-disable @typescript-eslint/no-non-null-assertion -- positions and indexes of one placement */
  for (let position = 0; position < ids.length; position++) {
    const layer = layers[placement.layerOf[position]!]!;
    const accountIndex = placement.account[position]!;
    const regionIndex = placement.accountRegion[position]!;
    const environmentIndex = placement.accountEnvironment[position]!;
    const account = accountIndex < 0 ? null : accounts[accountIndex]!;
    const region = account === null || regionIndex < 0 ? null : account.regions[regionIndex]!;
    const environment =
      account === null || environmentIndex < 0 ? null : account.environments[environmentIndex]!.name;
    const primaryOf = accountIndex < 0 ? null : primaries[accountIndex]!;
    const primary =
      primaryOf === null
        ? null
        : environmentIndex < 0
          ? primaryOf.ofAccount
          : primaryOf.ofEnvironment[environmentIndex]!;
    const role: RegionRole | null = region === null ? null : region === primary ? 'primary' : 'secondary';
    instances[position] = {
      id: ids[position]!,
      layer: layer.name,
      scope: layer.scope,
      account: account === null ? null : account.name,
      accountId: account === null ? null : account.id,
      region,
      environment,
      role,
      path: layer.path,
      dependsOn: dependsOn ? idListsOf(dependsOn, ids, position) : [],
    };
  }
  /* eslint-enable @typescript-eslint/no-non-null-assertion */
  return instances;
}
