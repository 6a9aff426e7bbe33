/* eslint-disable @typescript-eslint/no-non-null-assertion -- An integer kernel of the 100k-instance graph:
   every index below is a position under the length its typed array or list was made with, or an offset
   between two entries of a `start` array. A check on each access would only cost time (npm run bench:graph);
   the tests over every example manifest and the property tests exercise these bounds. */
import { compileRegionalBackend, compileValue, containsTokens, type TokenValues } from '../backend/tokens.js';
import type { Manifest } from '../manifest/types.js';
import type { Cells, Coordinate } from './cells.js';
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
  const accountIndex = placement.account[position]!;
  const account = accountIndex < 0 ? undefined : manifest.accounts[accountIndex]!;
  const region = placement.accountRegion[position]!;
  const environment = placement.accountEnvironment[position]!;
  return {
    account: account?.name ?? null,
    region: region < 0 ? null : account!.regions[region]!,
    environment: environment < 0 ? null : account!.environments[environment]!.name,
  };
}

/** Numbers every instance of the manifest. The arrays are sized up front and ids are joined, not concatenated. */
export function placeInstances(manifest: Manifest, cells: Cells): Placement {
  const { accounts, layers } = manifest;
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
  const idParts: string[][] = [[], ['', ''], ['', '', ''], ['', '', '', '']];
  // Cells indexes of each account's regions and environments, looked up once.
  const regionCells = accounts.map((account) => account.regions.map((region) => cells.regions.get(region)!));
  const environmentCells = accounts.map((account) =>
    account.environments.map((environment) => cells.environments.get(environment.name)!),
  );
  let position = 0;
  const add = (layerIndex: number, accountIndex: number, regionIndex: number, environmentIndex: number) => {
    const name = layers[layerIndex]!.name;
    let id = name;
    if (accountIndex >= 0) {
      const account = accounts[accountIndex]!;
      // Joined, not concatenated: `+` would keep each id as a tree of pieces for as long as the instance lives.
      const parts = idParts[regionIndex < 0 ? 1 : environmentIndex < 0 ? 2 : 3]!;
      parts[0] = account.name;
      if (regionIndex >= 0) parts[1] = account.regions[regionIndex]!;
      if (environmentIndex >= 0) parts[2] = account.environments[environmentIndex]!.name;
      parts[parts.length - 1] = name;
      id = parts.join('/');
    }
    placement.ids[position] = id;
    placement.layerOf[position] = layerIndex;
    placement.account[position] = accountIndex;
    placement.region[position] = regionIndex < 0 ? -1 : regionCells[accountIndex]![regionIndex]!;
    placement.environment[position] =
      environmentIndex < 0 ? -1 : environmentCells[accountIndex]![environmentIndex]!;
    placement.accountRegion[position] = regionIndex;
    placement.accountEnvironment[position] = environmentIndex;
    position++;
  };
  // Indexed loops: iterators cost an object per step until the code is optimised.
  for (let layerIndex = 0; layerIndex < layers.length; layerIndex++) {
    const { scope } = layers[layerIndex]!;
    placement.layerStart.push(position);
    if (scope === 'global') {
      add(layerIndex, -1, -1, -1);
      continue;
    }
    for (let accountIndex = 0; accountIndex < accounts.length; accountIndex++) {
      const account = accounts[accountIndex]!;
      if (scope === 'account') {
        add(layerIndex, accountIndex, -1, -1);
        continue;
      }
      for (let regionIndex = 0; regionIndex < account.regions.length; regionIndex++) {
        if (scope === 'region') {
          add(layerIndex, accountIndex, regionIndex, -1);
          continue;
        }
        const region = account.regions[regionIndex]!;
        for (let environmentIndex = 0; environmentIndex < account.environments.length; environmentIndex++) {
          if (account.environments[environmentIndex]!.regions.includes(region))
            add(layerIndex, accountIndex, regionIndex, environmentIndex);
        }
      }
    }
  }
  placement.layerStart.push(position);
  return placement;
}

/**
 * The instances, each made once and whole: its backend and vars rendered, its `dependsOn` the ids of its
 * edges (none when the dependencies could not be resolved: such a graph is never returned). This is the loop
 * that runs once per instance: the token values object is reused.
 */
export function createInstances(
  manifest: Manifest,
  placement: Placement,
  dependsOn: Edges | undefined,
): Instance[] {
  const { accounts, layers } = manifest;
  const globalRegion = manifest.backend.globalRegion;
  const roles = new Map<string, RegionRole>(manifest.regions.map((region) => [region.name, region.role]));
  const globalRole = roles.get(globalRegion)!;
  const renderBackend = compileRegionalBackend(manifest.backend);
  const renderVars = layers.map((layer) =>
    containsTokens(layer.vars) ? compileValue(layer.vars) : undefined,
  );
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
  const { ids } = placement;
  const instances = new Array<Instance>(ids.length);
  for (let position = 0; position < ids.length; position++) {
    const layer = layers[placement.layerOf[position]!]!;
    const accountIndex = placement.account[position]!;
    const regionIndex = placement.accountRegion[position]!;
    const environmentIndex = placement.accountEnvironment[position]!;
    const account = accountIndex < 0 ? null : accounts[accountIndex]!;
    const region = regionIndex < 0 ? null : account!.regions[regionIndex]!;
    const environment = environmentIndex < 0 ? null : account!.environments[environmentIndex]!.name;
    const role = region === null ? null : roles.get(region)!;
    const id = ids[position]!;
    values.id = id;
    values.layer = layer.name;
    values.scope = layer.scope;
    values.account = account === null ? 'global' : account.name;
    values.account_id = account === null ? 'global' : account.id;
    values.region = region ?? globalRegion;
    values.environment = environment ?? 'global';
    values.role = role ?? globalRole;
    const render = renderVars[placement.layerOf[position]!];
    instances[position] = {
      id,
      layer: layer.name,
      scope: layer.scope,
      account: account === null ? null : account.name,
      accountId: account === null ? null : account.id,
      region,
      environment,
      role,
      path: layer.path,
      dependsOn: dependsOn ? idListsOf(dependsOn, ids, position) : [],
      backend: renderBackend(values),
      vars: render ? (render(values) as Record<string, unknown>) : layer.vars,
    };
  }
  return instances;
}
