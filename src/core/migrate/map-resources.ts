import type { Scope } from '../graph/types.js';
import type { ManifestPath } from '../manifest/types.js';
import { isCoveredBy, rewriteAddress, topLevelStep } from './resource-address.js';
import type { ResourceMove } from './state-document.js';
import type { LegacyRoot, Migration, MigrationRule } from './types.js';

/** A layer of the new layout, with the top-level addresses its code declares (`type.name`, `module.name`). */
export interface LayerAddresses {
  name: string;
  scope: Scope;
  declares: ReadonlySet<string>;
}

/** An instance of the new layout, by its coordinates. */
export interface TargetInstance {
  id: string;
  layer: string;
  account: string | null;
  region: string | null;
  environment: string | null;
}

export interface StayingResource {
  root: string;
  address: string;
  /** The rule that keeps it (`rules[index]`). */
  rule: number;
}

export interface MigrationMapping {
  /** Per new instance (in the manifest's instance order), what it receives and from where. */
  receiving: Map<string, ResourceMove[]>;
  staying: StayingResource[];
  /** Rules that matched no resource (on a re-run: what they moved has gone already). */
  unusedRules: number[];
}

export interface MappingProblem {
  at: ManifestPath;
  message: string;
}

/**
 * Maps every managed resource of the old roots onto exactly one new instance, or keeps it where it is. A rule
 * that covers it decides (two rules covering one resource is an error); else the layer whose code declares its
 * first address step (`module.web` or `type.name`) receives it, at the same address, in that layer's instance
 * for the root's account, region and environment (as far as the layer's scope goes). A resource no rule and no
 * layer claims, or that two layers claim, is an error; so are two resources landing on one address.
 */
export function mapResources(input: {
  migration: Migration;
  /** The managed resource addresses of each root's state, by root name. */
  resources: ReadonlyMap<string, readonly string[]>;
  layers: readonly LayerAddresses[];
  instances: readonly TargetInstance[];
}): { mapping: MigrationMapping; problems: MappingProblem[] } {
  const { migration, layers, instances } = input;
  const problems: MappingProblem[] = [];
  const layerByName = new Map(layers.map((layer) => [layer.name, layer]));
  const used = new Set<number>();
  const moves = new Map<string, ResourceMove[]>();
  const staying: StayingResource[] = [];
  const landed = new Map<string, string>();

  for (const rule of migration.rules) {
    if (rule.target !== 'stay' && !layerByName.has(rule.target.layer)) {
      problems.push({
        at: ['rules', rule.index, 'layer'],
        message: `rules[${rule.index}]: layer '${rule.target.layer}' is not in the manifest (layers: ${layers.map((layer) => layer.name).join(', ')})`,
      });
    }
  }

  for (const root of migration.roots) {
    const rootAt: ManifestPath = ['roots', root.name];
    for (const address of input.resources.get(root.name) ?? []) {
      const covering = migration.rules.filter(
        (rule) => (rule.root === null || rule.root === root.name) && isCoveredBy(address, rule.from),
      );
      const [rule, second] = covering;
      if (second !== undefined) {
        problems.push({
          at: ['rules', second.index],
          message: `${root.name}'s ${address} is claimed by rules[${rule?.index ?? 0}] and rules[${second.index}]; narrow one of them ('root', or a longer 'from')`,
        });
        continue;
      }
      if (rule) used.add(rule.index);
      if (rule?.target === 'stay') {
        staying.push({ root: root.name, address, rule: rule.index });
        continue;
      }
      const target = rule ? ruleTarget(rule, address, layerByName) : defaultTarget(address, layers);
      if ('problem' in target) {
        problems.push({
          at: rule ? ['rules', rule.index] : rootAt,
          message: `${root.name}'s ${address}: ${target.problem}`,
        });
        continue;
      }
      const instance = instanceFor(target.layer, root, instances);
      if ('problem' in instance) {
        problems.push({
          at: rule ? ['rules', rule.index] : rootAt,
          message: `${root.name}'s ${address}: ${instance.problem}`,
        });
        continue;
      }
      const key = `${instance.id}\u0000${target.address}`;
      const first = landed.get(key);
      if (first !== undefined) {
        problems.push({
          at: rule ? ['rules', rule.index] : rootAt,
          message: `${root.name}'s ${address} and ${first} would both become ${target.address} in ${instance.id}; rename one with a rule ('from', 'to')`,
        });
        continue;
      }
      landed.set(key, `${root.name}'s ${address}`);
      const list = moves.get(instance.id) ?? [];
      list.push({ root: root.name, from: address, to: target.address });
      moves.set(instance.id, list);
    }
  }

  const receiving = new Map<string, ResourceMove[]>();
  for (const instance of instances) {
    const list = moves.get(instance.id);
    if (list) receiving.set(instance.id, list);
  }
  const unusedRules = migration.rules.map((rule) => rule.index).filter((index) => !used.has(index));
  return { mapping: { receiving, staying, unusedRules }, problems };
}

type Target = { layer: LayerAddresses; address: string } | { problem: string };

function ruleTarget(
  rule: MigrationRule,
  address: string,
  layerByName: ReadonlyMap<string, LayerAddresses>,
): Target {
  const layer = rule.target === 'stay' ? undefined : layerByName.get(rule.target.layer);
  // An unknown layer is reported once, at the rule.
  if (!layer) return { problem: `rules[${rule.index}] names no layer of the manifest` };
  return { layer, address: rewriteAddress(address, rule.from, rule.to) };
}

function defaultTarget(address: string, layers: readonly LayerAddresses[]): Target {
  const step = topLevelStep(address);
  const declaring = layers.filter((layer) => layer.declares.has(step));
  const [layer, second] = declaring;
  if (!layer) {
    return {
      problem: `no layer's code declares ${step} and no rule covers it; add a rule with 'layer' (and 'to' if it is renamed) or 'stay: true'`,
    };
  }
  if (second !== undefined) {
    return {
      problem: `layers ${declaring.map((each) => `'${each.name}'`).join(' and ')} all declare ${step}; add a rule that names the layer`,
    };
  }
  return { layer, address };
}

const COORDINATES: Record<Scope, readonly ('account' | 'region' | 'environment')[]> = {
  global: [],
  account: ['account'],
  region: ['account', 'region'],
  environment: ['account', 'region', 'environment'],
};

function instanceFor(
  layer: LayerAddresses,
  root: LegacyRoot,
  instances: readonly TargetInstance[],
): TargetInstance | { problem: string } {
  const coordinates = COORDINATES[layer.scope];
  const missing = coordinates.find((coordinate) => root[coordinate] === null);
  if (missing !== undefined) {
    return {
      problem: `layer '${layer.name}' is ${layer.scope}-scoped, but root '${root.name}' names no ${missing}; set roots.${root.name}.${missing}`,
    };
  }
  const instance = instances.find(
    (each) =>
      each.layer === layer.name && coordinates.every((coordinate) => each[coordinate] === root[coordinate]),
  );
  if (!instance) {
    const cell = coordinates.map((coordinate) => root[coordinate]).join('/');
    return {
      problem: `the manifest has no instance of layer '${layer.name}' for ${cell || 'the estate'}; check the root's account, region and environment`,
    };
  }
  return instance;
}
