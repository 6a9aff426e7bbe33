import { describe, expect, it } from '@jest/globals';
import { criticalPathLength, remainingPathLengths } from '../../../src/core/schedule/critical-path.js';
import { reverseDag } from '../../../src/core/schedule/dag.js';
import { dagOf, type Edges } from '../../helpers/graphs.js';

describe('remainingPathLengths', () => {
  const cases: { name: string; edges: Edges; lengths: Record<string, number> }[] = [
    { name: 'an empty graph', edges: {}, lengths: {} },
    { name: 'a lone instance counts itself', edges: { a: [] }, lengths: { a: 1 } },
    {
      name: 'a chain counts down to its end',
      edges: { a: [], b: ['a'], c: ['b'] },
      lengths: { a: 3, b: 2, c: 1 },
    },
    {
      name: 'a diamond counts the longer side once',
      edges: { a: [], b: ['a'], c: ['a'], c2: ['c'], d: ['b', 'c2'] },
      lengths: { a: 4, b: 2, c: 3, c2: 2, d: 1 },
    },
    {
      name: 'a fan-out takes the longest branch',
      edges: { root: [], x: ['root'], y: ['root'], y2: ['y'], z: ['root'] },
      lengths: { root: 3, x: 1, y: 2, y2: 1, z: 1 },
    },
    {
      name: 'disconnected parts are measured apart',
      edges: { a: [], b: ['a'], p: [] },
      lengths: { a: 2, b: 1, p: 1 },
    },
  ];
  it.each(cases)('$name', ({ edges, lengths }) => {
    expect(Object.fromEntries(remainingPathLengths(dagOf(edges)))).toEqual(lengths);
  });

  it('adds recorded costs along the heaviest chain, not the one with the most instances', () => {
    const dag = dagOf({ root: [], slow: ['root'], quick1: ['root'], quick2: ['quick1'] });
    const seconds: Record<string, number> = { root: 10, slow: 300, quick1: 20, quick2: 30 };
    expect(Object.fromEntries(remainingPathLengths(dag, (id) => seconds[id]!))).toEqual({
      root: 310,
      slow: 300,
      quick1: 50,
      quick2: 30,
    });
  });

  it('measures a destroy along the reversed edges', () => {
    const dag = dagOf({ a: [], b: ['a'], c: ['b'] });
    expect(Object.fromEntries(remainingPathLengths(reverseDag(dag)))).toEqual({ a: 1, b: 2, c: 3 });
  });

  it('rejects a cycle', () => {
    expect(() => remainingPathLengths(dagOf({ a: ['b'], b: ['a'] }))).toThrow(/cycle/);
  });
});

describe('criticalPathLength', () => {
  it.each([
    { name: 'empty', edges: {}, cost: undefined, length: 0 },
    { name: 'one instance', edges: { a: [] }, cost: undefined, length: 1 },
    {
      name: 'a chain of four beside a pair',
      edges: { a: [], b: ['a'], c: ['b'], d: ['c'], x: [], y: ['x'] },
      cost: undefined,
      length: 4,
    },
    {
      name: 'a pair that is slower than a chain of four',
      edges: { a: [], b: ['a'], c: ['b'], d: ['c'], x: [], y: ['x'] },
      cost: (id: string) => (id === 'x' || id === 'y' ? 100 : 1),
      length: 200,
    },
  ] as { name: string; edges: Edges; cost: ((id: string) => number) | undefined; length: number }[])(
    '$name',
    ({ edges, cost, length }) => {
      expect(criticalPathLength(dagOf(edges), cost)).toBe(length);
    },
  );
});
