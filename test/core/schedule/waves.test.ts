import { describe, expect, it } from '@jest/globals';
import { dagOfGraph, reverseDag, topologicalOrder } from '../../../src/core/schedule/dag.js';
import { compareIds, computeWaves } from '../../../src/core/schedule/waves.js';
import { dagOf, edgesOf, graphOf, type Edges } from '../../helpers/graphs.js';

describe('computeWaves', () => {
  const cases: { name: string; edges: Edges; waves: string[][] }[] = [
    { name: 'an empty graph has no waves', edges: {}, waves: [] },
    { name: 'a single instance is one wave', edges: { a: [] }, waves: [['a']] },
    {
      name: 'independent instances share the first wave, sorted whatever the listing order',
      edges: { c: [], a: [], b: [] },
      waves: [['a', 'b', 'c']],
    },
    {
      name: 'a chain is one wave per link',
      edges: { c: ['b'], b: ['a'], a: [] },
      waves: [['a'], ['b'], ['c']],
    },
    {
      name: 'an instance sits in the earliest wave after its dependencies, not at the end of a long branch',
      edges: { a: [], b: ['a'], c: ['b'], d: ['a'] },
      waves: [['a'], ['b', 'd'], ['c']],
    },
    {
      name: 'an instance with dependencies in several waves follows the latest of them',
      edges: { a: [], b: ['a'], c: ['b'], e: ['a', 'c'], f: [] },
      waves: [['a', 'f'], ['b'], ['c'], ['e']],
    },
    {
      name: 'a diamond',
      edges: { top: ['left', 'right'], left: ['base'], right: ['base'], base: [] },
      waves: [['base'], ['left', 'right'], ['top']],
    },
    {
      name: 'disconnected components interleave by depth',
      edges: { x2: ['x1'], x1: [], y1: [], y2: ['y1'], y3: ['y2'] },
      waves: [['x1', 'y1'], ['x2', 'y2'], ['y3']],
    },
    {
      name: 'ids sort by code unit (upper case before lower case, "/" before letters), independent of locale',
      edges: { b: [], 'a/b': [], A: [], 'a-b': [] },
      waves: [['A', 'a-b', 'a/b', 'b']],
    },
  ];
  it.each(cases)('$name', ({ edges, waves }) => {
    expect(computeWaves(dagOf(edges))).toEqual(waves);
  });

  it('works on a LayerGraph through dagOfGraph', () => {
    const graph = graphOf({ network: ['iam'], iam: [], app: ['network', 'dns'], dns: [] });
    expect(computeWaves(dagOfGraph(graph))).toEqual([['dns', 'iam'], ['network'], ['app']]);
  });

  it('rejects a cycle instead of dropping the instances on it', () => {
    expect(() => computeWaves(dagOf({ a: ['b'], b: ['a'], c: [] }))).toThrow(/cycle/);
  });
});

describe('reverseDag (destroy order)', () => {
  const cases: { name: string; edges: Edges; waves: string[][] }[] = [
    {
      name: 'a chain is destroyed from its end',
      edges: { a: [], b: ['a'], c: ['b'] },
      waves: [['c'], ['b'], ['a']],
    },
    {
      name: 'a diamond is destroyed top first, base last',
      edges: { base: [], left: ['base'], right: ['base'], top: ['left', 'right'] },
      waves: [['top'], ['left', 'right'], ['base']],
    },
    {
      name: 'a short branch is destroyed as early as it can be',
      edges: { a: [], b: ['a'], c: ['b'], d: ['a'] },
      waves: [['c', 'd'], ['b'], ['a']],
    },
  ];
  it.each(cases)('$name', ({ edges, waves }) => {
    expect(computeWaves(reverseDag(dagOf(edges)))).toEqual(waves);
  });

  it('turns every edge round, keeps the ids and their order, and sorts each list', () => {
    const dag = dagOf({ z: [], a: ['z'], m: ['z', 'a'] });
    const reversed = reverseDag(dag);
    expect(reversed.ids).toEqual(['z', 'a', 'm']);
    expect(edgesOf(reversed)).toEqual({ z: ['a', 'm'], a: ['m'], m: [] });
    expect(edgesOf(reverseDag(reversed))).toEqual({ z: [], a: ['z'], m: ['a', 'z'] });
  });
});

describe('topologicalOrder', () => {
  it('puts each id after its dependencies and keeps the listing order among ties', () => {
    expect(topologicalOrder(dagOf({ c: [], b: ['c'], a: [], d: ['a'] }))).toEqual(['c', 'a', 'b', 'd']);
  });

  it('names the problem when the graph has a cycle', () => {
    expect(() => topologicalOrder(dagOf({ a: ['a'] }))).toThrow('topologicalOrder: the graph has a cycle');
  });
});

describe('compareIds', () => {
  it.each([
    ['a', 'b', -1],
    ['b', 'a', 1],
    ['a', 'a', 0],
    ['Z', 'a', -1],
    ['prod/eu-west-1/app', 'prod/eu-west-2/app', -1],
  ] as const)('compareIds(%s, %s) is %i', (a, b, expected) => {
    expect(compareIds(a, b)).toBe(expected);
  });
});
