// The floor of the graph benchmark: the synthetic estate's instance ids and dependency edges made by plain loops
// that know its ten layers (synthetic-estate.ts), with no validation and no generality. expandManifest's time
// over this one's is how far Strata is from a straight-line implementation (issue 15's 1.2× target).
import type { Manifest } from '../src/core/manifest/types.js';

/** Ids in expandManifest's order (layer, account, region, environment); p's edges `targets[start[p]..start[p + 1])`. */
export interface FloorGraph {
  ids: string[];
  start: Int32Array;
  targets: Int32Array;
}

/**
 * Expands a manifest written by syntheticManifest: every account in the same regions, the primary region first
 * in each account's list, each environment in the regions it names.
 */
export function expandFloor(manifest: Manifest): FloorGraph {
  const { accounts } = manifest;
  const accountCount = accounts.length;
  let regionCells = 0;
  let environmentCells = 0;
  for (const account of accounts) {
    regionCells += account.regions.length;
    for (const environment of account.environments) environmentCells += environment.regions.length;
  }
  // dns, org-policy; iam, kms; network, transit, backup; database, app; monitoring.
  const count = 2 + 2 * accountCount + 3 * regionCells + 2 * environmentCells + accountCount;
  const ids = new Array<string>(count);
  const start = new Int32Array(count + 1);
  let targets = new Int32Array(count * 4);
  let used = 0;
  let position = 0;
  const edge = (target: number) => {
    if (used === targets.length) {
      const grown = new Int32Array(used * 2);
      grown.set(targets);
      targets = grown;
    }
    targets[used++] = target;
  };
  const close = (id: string) => {
    ids[position] = id;
    start[++position] = used;
  };

  const dns = 0;
  close('dns');
  const orgPolicy = 1;
  edge(dns);
  close('org-policy');
  const iam = position;
  for (const account of accounts) {
    edge(orgPolicy);
    close(`${account.name}/iam`);
  }
  const kms = position;
  for (let a = 0; a < accountCount; a++) {
    edge(iam + a);
    close(`${accounts[a]!.name}/kms`);
  }
  // Region cells numbered account by account: regionBase[a] + the region's index in the account.
  const regionBase = new Int32Array(accountCount);
  for (let a = 1; a < accountCount; a++) regionBase[a] = regionBase[a - 1]! + accounts[a - 1]!.regions.length;
  const network = position;
  for (let a = 0; a < accountCount; a++) {
    const account = accounts[a]!;
    for (const region of account.regions) {
      edge(iam + a);
      close(`${account.name}/${region}/network`);
    }
  }
  const transit = position;
  for (let a = 0; a < accountCount; a++) {
    const account = accounts[a]!;
    for (let r = 0; r < account.regions.length; r++) {
      edge(network + regionBase[a]! + r);
      if (r !== 0) edge(network + regionBase[a]!);
      close(`${account.name}/${account.regions[r]!}/transit`);
    }
  }
  for (let a = 0; a < accountCount; a++) {
    const account = accounts[a]!;
    for (const region of account.regions) {
      edge(kms + a);
      for (let r = 0; r < account.regions.length; r++) edge(network + regionBase[a]! + r);
      close(`${account.name}/${region}/backup`);
    }
  }
  // Each environment cell's database, by account, region and the environment's index in the account (-1: none),
  // and the cells in placement order, for the app loop to walk again: the cell's app follows its database.
  const environmentsPer = accounts[0]?.environments.length ?? 0;
  const database = new Int32Array(regionCells * environmentsPer).fill(-1);
  const databaseAt = (a: number, r: number, e: number) => (regionBase[a]! + r) * environmentsPer + e;
  const cellAccount = new Int32Array(environmentCells);
  const cellRegion = new Int32Array(environmentCells);
  const cellEnvironment = new Int32Array(environmentCells);
  const databases = position;
  for (let a = 0; a < accountCount; a++) {
    const account = accounts[a]!;
    for (let r = 0; r < account.regions.length; r++) {
      const region = account.regions[r]!;
      for (let e = 0; e < account.environments.length; e++) {
        const environment = account.environments[e]!;
        if (!environment.regions.includes(region)) continue;
        const cell = position - databases;
        cellAccount[cell] = a;
        cellRegion[cell] = r;
        cellEnvironment[cell] = e;
        database[databaseAt(a, r, e)] = position;
        edge(network + regionBase[a]! + r);
        edge(kms + a);
        close(`${account.name}/${region}/${environment.name}/database`);
      }
    }
  }
  const app = position;
  for (let cell = 0; cell < environmentCells; cell++) {
    const a = cellAccount[cell]!;
    const r = cellRegion[cell]!;
    const e = cellEnvironment[cell]!;
    const account = accounts[a]!;
    edge(databases + cell);
    edge(transit + regionBase[a]! + r);
    edge(dns);
    if (r !== 0) edge(database[databaseAt(a, 0, e)]!);
    close(`${account.name}/${account.regions[r]!}/${account.environments[e]!.name}/app`);
  }
  // Apps are numbered account by account, so each account's are one run of positions.
  let appOfAccount = app;
  for (const account of accounts) {
    let apps = 0;
    for (const environment of account.environments) apps += environment.regions.length;
    for (let at = appOfAccount; at < appOfAccount + apps; at++) edge(at);
    appOfAccount += apps;
    close(`${account.name}/monitoring`);
  }
  return { ids, start, targets: targets.subarray(0, used) };
}
