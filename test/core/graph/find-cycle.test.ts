import { describe, expect, it } from '@jest/globals';
import { ManifestError } from '../../../src/core/errors.js';
import { expandManifest } from '../../../src/core/graph/expand-manifest.js';
import { findCycle } from '../../../src/core/graph/find-cycle.js';
import type { LayerGraph } from '../../../src/core/graph/types.js';
import { parseManifest } from '../../../src/core/manifest/parse-manifest.js';
import { graphOf, type Edges } from '../../helpers/graphs.js';

function cycleIn(graph: LayerGraph): string[] | undefined {
  return findCycle(graph.instances, graph.byId);
}

/** A real cycle: starts and ends on one id, each step is a dependsOn edge, and no id repeats in between. */
function expectRealCycle(graph: LayerGraph, cycle: string[] | undefined) {
  expect(cycle).toBeDefined();
  const path = cycle!;
  expect(path.length).toBeGreaterThanOrEqual(2);
  expect(path[path.length - 1]).toBe(path[0]);
  for (let index = 0; index + 1 < path.length; index++) {
    expect(graph.byId.get(path[index]!)!.dependsOn).toContain(path[index + 1]);
  }
  expect(new Set(path.slice(0, -1)).size).toBe(path.length - 1);
}

describe('findCycle', () => {
  const acyclic: { name: string; edges: Edges }[] = [
    { name: 'an empty graph', edges: {} },
    { name: 'a lone instance', edges: { a: [] } },
    { name: 'a chain', edges: { a: [], b: ['a'], c: ['b'] } },
    // A depth-first search that forgot "done" would call the second visit of `base` a cycle.
    {
      name: 'a diamond, reached twice',
      edges: { top: ['left', 'right'], left: ['base'], right: ['base'], base: [] },
    },
    { name: 'many paths into one instance', edges: { a: ['b', 'c', 'd'], b: ['c', 'd'], c: ['d'], d: [] } },
  ];
  it.each(acyclic)('finds nothing in $name', ({ edges }) => {
    expect(cycleIn(graphOf(edges))).toBeUndefined();
  });

  const cyclic: { name: string; edges: Edges; cycle: string[] }[] = [
    { name: 'an instance that depends on itself', edges: { a: ['a'] }, cycle: ['a', 'a'] },
    {
      name: 'two instances that depend on each other',
      edges: { a: ['b'], b: ['a'] },
      cycle: ['a', 'b', 'a'],
    },
    {
      name: 'a cycle behind an acyclic lead-in, without the lead-in',
      edges: { root: ['a'], a: ['b'], b: ['c'], c: ['a'] },
      cycle: ['a', 'b', 'c', 'a'],
    },
    {
      name: 'a cycle in a component listed after an acyclic one',
      edges: { x: [], y: ['x'], p: ['q'], q: ['r'], r: ['p'] },
      cycle: ['p', 'q', 'r', 'p'],
    },
    {
      name: 'a cycle reached only through an instance already finished from another root',
      edges: { a: ['shared'], shared: [], b: ['shared', 'c'], c: ['b'] },
      cycle: ['b', 'c', 'b'],
    },
  ];
  it.each(cyclic)('reports $name as a path', ({ edges, cycle }) => {
    const graph = graphOf(edges);
    const found = cycleIn(graph);
    expect(found).toEqual(cycle);
    expectRealCycle(graph, found);
  });

  it('handles a chain of 100,000 without overflowing the stack, and a cycle closing it', () => {
    const size = 100_000;
    const chain: [string, string[]][] = Array.from({ length: size }, (_, index) => [
      `n${index}`,
      index + 1 < size ? [`n${index + 1}`] : [],
    ]);
    expect(cycleIn(graphOf(chain))).toBeUndefined();
    chain[size - 1] = [`n${size - 1}`, ['n0']];
    const graph = graphOf(chain);
    const cycle = cycleIn(graph);
    expect(cycle).toHaveLength(size + 1);
    expectRealCycle(graph, cycle);
  });
});

describe('a cycle in a manifest', () => {
  const manifest = `version: 1
backend:
  type: local
  config: { path: "state/{id}.tfstate" }
  global_region: r1
regions:
  r1: { role: primary }
accounts:
  a: { id: "1", regions: [r1], environments: [e1] }
layers:
  - { name: base, scope: global, path: layers/base }
  - { name: network, scope: region, path: layers/network, depends_on: [base, { layer: app, environment: all }] }
  - { name: app, scope: environment, path: layers/app, depends_on: [network] }
`;

  it('is a located ManifestError that prints the instance path and the layer path', () => {
    let error: unknown;
    try {
      expandManifest(parseManifest(manifest, 'layers.yml'));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ManifestError);
    const problems = (error as ManifestError).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toBe(
      'dependency cycle: a/r1/network -> a/r1/e1/app -> a/r1/network (layers network -> app -> network); remove one of these dependencies',
    );
    // The edge network -> app, where the cycle starts: `{ layer: app, environment: all }` on line 12.
    expect(problems[0]).toMatchObject({ file: 'layers.yml', line: 12 });
  });
});
