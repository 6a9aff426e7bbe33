import type { Instance, LayerGraph } from '../../src/core/graph/types.js';
import type { Dag } from '../../src/core/schedule/dag.js';

/** Edges as `id -> ids it depends on`, in the order the instances should be listed. */
export type Edges = Record<string, readonly string[]> | readonly (readonly [string, readonly string[]])[];

function entriesOf(edges: Edges): (readonly [string, readonly string[]])[] {
  return isPairList(edges) ? [...edges] : Object.entries(edges);
}

// Array.isArray narrows a readonly tuple list to any[]; this keeps the element type.
function isPairList(edges: Edges): edges is readonly (readonly [string, readonly string[]])[] {
  return Array.isArray(edges);
}

/**
 * A minimal LayerGraph: one global instance per id (the id is also its layer), `dependsOn` sorted, one input
 * per dependency and `dependents` filled in, as expandManifest would; each state in `state/ID.tfstate`, no vars. Cycles are allowed (find-cycle tests need them); a
 * dependency on an id that is not listed is a mistake in the test and throws. Object keys that look like
 * numbers are reordered by JavaScript, so pass an array of pairs where the order matters and ids are numeric.
 */
export function graphOf(edges: Edges): LayerGraph {
  const entries = entriesOf(edges);
  const known = new Set(entries.map(([id]) => id));
  const instances = entries.map(([id, listed]): Instance => {
    const dependsOn = [...new Set(listed)].sort();
    for (const dependency of dependsOn) {
      if (!known.has(dependency)) throw new Error(`graphOf: '${id}' depends on unknown '${dependency}'`);
    }
    return {
      id,
      layer: id,
      scope: 'global',
      account: null,
      accountId: null,
      region: null,
      environment: null,
      role: null,
      path: `layers/${id}`,
      dependsOn,
    };
  });
  const dependents = new Map<string, string[]>(instances.map((instance) => [instance.id, []]));
  for (const instance of instances) {
    for (const dependency of instance.dependsOn) dependents.get(dependency)!.push(instance.id);
  }
  for (const list of dependents.values()) list.sort();
  const byId = new Map(instances.map((instance) => [instance.id, instance]));
  // One `depends_on` entry per dependency, as a plain (not fan-in) layer name would give.
  const inputsOf = (id: string) =>
    byId.get(id)!.dependsOn.map((dependency) => ({
      variable: dependency,
      isFanIn: false,
      sources: [{ id: dependency, key: '' }],
    }));
  return {
    instances,
    byId,
    dependents,
    inputsOf,
    backendOf: (instance) => ({ type: 'local', config: { path: `state/${instance.id}.tfstate` } }),
    varsOf: () => ({}),
  };
}

/** A Dag straight from edges, for the scheduler tests: ids in the order given, dependencies as written. */
export function dagOf(edges: Edges): Dag {
  const entries = entriesOf(edges);
  return {
    ids: entries.map(([id]) => id),
    dependsOn: new Map(entries.map(([id, dependsOn]) => [id, [...dependsOn]])),
  };
}

/** The Dag's edges as a plain object, for readable `toEqual` assertions. */
export function edgesOf(dag: Dag): Record<string, string[]> {
  return Object.fromEntries(dag.ids.map((id) => [id, [...(dag.dependsOn.get(id) ?? [])]]));
}

/** Whether `to` can be reached from `from` by following `dependsOn` edges (one or more steps). */
export function reaches(
  dependsOn: ReadonlyMap<string, readonly string[]>,
  from: string,
  to: string,
): boolean {
  const seen = new Set<string>();
  const stack = [...(dependsOn.get(from) ?? [])];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (id === to) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(dependsOn.get(id) ?? []));
  }
  return false;
}
