import { OBJECT_KEYS, replicatedKeysOf } from '../backend/object-keys.js';
import { regionRoleOf } from '../manifest/primary-region.js';
import { tokenValues, unknownTokens } from '../backend/tokens.js';
import { compileStateLocation } from '../backend/state-location.js';
import { renderInstanceBackend } from '../backend/render-backend.js';
import { describePath } from '../manifest/schema-errors.js';
import type { DependencySpec, LayerSpec, Manifest, ManifestPath } from '../manifest/types.js';
import { COORDINATES, SCOPE_COORDINATES } from './cells.js';
import type { Placement } from './place-instances.js';
import type { BackendConfig, Instance } from './types.js';
import { itemAt } from '../lookup.js';
import { recordBackend, recordInstanceOf } from '../dr/record-key.js';

/** Records one problem at a place in the manifest; expandManifest reports them all together. */
export type Report = (path: ManifestPath, message: string) => void;

/** Rules that depend only on the two layers' scopes, checked once per dependency rather than per instance. */
export function checkDependencyShape(
  layer: LayerSpec,
  dependency: DependencySpec,
  target: LayerSpec,
  report: Report,
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

/** A cycle of positions, reported at the `depends_on` entry of its first edge. */
export function reportCycle(
  cycle: readonly number[],
  manifest: Manifest,
  placement: Placement,
  report: Report,
) {
  const layerAt = (position: number) =>
    itemAt(manifest.layers, itemAt(placement.layerOf, position, 'layer index'), 'layer');
  // A cycle has two instances at least (a layer depending on itself is refused when parsed).
  const layer = layerAt(itemAt(cycle, 0, 'cycle member'));
  const next = layerAt(itemAt(cycle, 1, 'cycle member'));
  const edge = layer.dependsOn.find((dependency) => dependency.layer === next.name);
  report(
    edge?.at ?? ['layers', layer.index, 'depends_on'],
    `dependency cycle: ${cycle.map((position) => itemAt(placement.ids, position, 'id')).join(' -> ')} (layers ${cycle.map((position) => layerAt(position).name).join(' -> ')}); remove one of these dependencies`,
  );
}

export function checkTokens(manifest: Manifest, report: Report) {
  const check = (value: unknown, path: (string | number)[]) => {
    if (typeof value === 'string') {
      for (const token of unknownTokens(value)) {
        report(
          path,
          `${describePath(path)}: unknown token '{${token}}'; tokens are {id} {layer} {scope} {account} {account_id} {region} {environment} {role}`,
        );
      }
    } else if (Array.isArray(value))
      value.forEach((item, index) => {
        check(item, [...path, index]);
      });
    else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) check(item, [...path, key]);
    }
  };
  check(manifest.backend.config, ['backend', 'config']);
  check(manifest.backend.regionConfig, ['backend', 'region_config']);
  for (const layer of manifest.layers) check(layer.vars, ['layers', layer.index, 'vars']);
}

/**
 * Every instance needs a state location of its own, and so does each region's failover record: none may be a
 * layer instance's, and no two regions' records may render one key, which replication of one region's store
 * into another would copy one record over the other at.
 */
export function checkStateLocations(
  manifest: Manifest,
  instances: Instance[],
  backendOf: (instance: Instance) => BackendConfig,
  report: Report,
) {
  const location = compileStateLocation(manifest.backend);
  // The owner of each location, filled only when ids alone do not tell every location apart.
  const owners = new Map<string, string>();
  if (!location.isUnique) {
    const clashes: string[] = [];
    for (const instance of instances) {
      const key = location.key(backendOf(instance));
      const owner = owners.get(key);
      if (owner === undefined) owners.set(key, instance.id);
      else clashes.push(`'${owner}' and '${instance.id}'`);
    }
    const [clash] = clashes;
    if (clash !== undefined) {
      report(
        ['backend', 'config'],
        `instances ${clash} would share one state location${morePairs(clashes.length)}; every instance needs its own: put {id} (or every coordinate that tells them apart) into backend.config`,
      );
    }
  }
  // Records are written only by a move to another region (a failover, a failback, a deploy hold).
  if (manifest.regions.length > 1)
    checkRecordLocations(manifest, instances, backendOf, location, owners, report);
  checkPromotedKeys(manifest, instances, backendOf, report);
}

/**
 * A failover of the global region promotes its replica: `global_region` becomes the replica region and global
 * and account state is read where replication copied it, at the object key it had. A key rendered from the
 * global region ({region}, {role}) would name another object once `global_region` moves, one that nothing
 * wrote: refused while the manifest can promote (the global region has a replica).
 */
function checkPromotedKeys(
  manifest: Manifest,
  instances: Instance[],
  backendOf: (instance: Instance) => BackendConfig,
  report: Report,
) {
  const { globalRegion, replicas, type } = manifest.backend;
  const replica = replicas[globalRegion];
  const global = instances.find((instance) => instance.region === null);
  if (replica === undefined || global === undefined) return;
  const own = backendOf(global);
  const promoted = renderInstanceBackend(
    manifest.backend,
    tokenValues(global, replica, regionRoleOf(manifest, replica)),
  );
  const moved = replicatedKeysOf(type).filter((key) => promoted.config[key] !== own.config[key]);
  const [key] = moved;
  if (key === undefined) return;
  report(
    ['backend', 'config', key],
    `backend.config.${key} of global and account state names their region: '${String(own.config[key])}' for '${global.id}' would become '${String(promoted.config[key])}' once a failover promotes the replica in ${replica}, but replication keeps the key it copied the state to; keep {region} and {role} out of the key, and name the region in the bucket: each region its own store`,
  );
}

const morePairs = (clashes: number) =>
  clashes > 1 ? ` (and ${clashes - 1} more pair${clashes > 2 ? 's' : ''})` : '';

function checkRecordLocations(
  manifest: Manifest,
  instances: Instance[],
  backendOf: (instance: Instance) => BackendConfig,
  location: ReturnType<typeof compileStateLocation>,
  owners: ReadonlyMap<string, string>,
  report: Report,
) {
  const objectKeys = OBJECT_KEYS[manifest.backend.type];
  const at: ManifestPath = ['backend', 'config', ...(objectKeys?.slice(-1) ?? [])];
  const field = `backend.config${objectKeys ? `.${objectKeys.join('/')}` : ''}`;
  const records = manifest.regions.map(({ name }) => {
    const backend = recordBackend(manifest, name);
    const objectKey = objectKeys
      ? objectKeys.map((key) => String(backend.config[key] ?? '')).join('\n')
      : location.key(backend);
    return { region: name, id: recordInstanceOf(name).id, backend, objectKey };
  });

  // With ids telling every location apart, a record's location can be an instance's only when its id is: one
  // pass over the instances finds those namesakes, rather than one search of them per region.
  const namesakes = new Map<string, Instance>();
  // An instance's id ends in its layer's name: without a layer named as a record id ends, there is none.
  const layerNames = new Set(manifest.layers.map((layer) => layer.name));
  const mayHaveNamesakes = records.some((record) =>
    layerNames.has(record.id.slice(record.id.lastIndexOf('/') + 1)),
  );
  if (location.isUnique && mayHaveNamesakes) {
    const recordIds = new Set(records.map((record) => record.id));
    for (const instance of instances) if (recordIds.has(instance.id)) namesakes.set(instance.id, instance);
  }
  const instanceOf = (record: (typeof records)[number]) => {
    const key = location.key(record.backend);
    if (!location.isUnique) return owners.get(key);
    const namesake = namesakes.get(record.id);
    return namesake && location.key(backendOf(namesake)) === key ? namesake.id : undefined;
  };
  const onInstances = records.flatMap((record) => {
    const owner = instanceOf(record);
    return owner === undefined
      ? []
      : [`the failover record of region '${record.region}' and instance '${owner}'`];
  });
  const [onInstance] = onInstances;
  if (onInstance !== undefined) {
    report(
      at,
      `${onInstance} would share one state location${morePairs(onInstances.length)}: writing the record would overwrite that instance's state; put {layer} or {id} into ${field}`,
    );
  }

  const byKey = new Map<string, string>();
  const shared: string[] = [];
  for (const record of records) {
    const other = byKey.get(record.objectKey);
    if (other === undefined) byKey.set(record.objectKey, record.region);
    else shared.push(`the failover records of regions '${other}' and '${record.region}'`);
  }
  const [share] = shared;
  if (share !== undefined) {
    report(
      at,
      `${share} would be kept at one key${morePairs(shared.length)}: replication of one region's store into the other's would copy one record over the other; put {region}, {layer} or {id} into ${field}`,
    );
  }
}
