import { describe, expect, it } from '@jest/globals';
import { remainingPathLengths } from '../../../src/core/schedule/critical-path.js';
import { reverseDag, type Dag } from '../../../src/core/schedule/dag.js';
import { ReadyQueue } from '../../../src/core/schedule/ready-queue.js';
import { dagOf } from '../../helpers/graphs.js';

/** The queue the engine builds: priorities are the remaining path lengths. */
function queueOf(dag: Dag): ReadyQueue {
  return new ReadyQueue(dag, remainingPathLengths(dag));
}

/**
 * Runs the queue to the end, `limit` at a time, finishing the oldest running id first. Returns the order
 * ids started in, the batches taken and what each failure dropped.
 */
function simulate(queue: ReadyQueue, limit: number, failing: ReadonlySet<string> = new Set()) {
  const started: string[] = [];
  const batches: string[][] = [];
  const dropped: Record<string, string[]> = {};
  const running: string[] = [];
  for (;;) {
    const batch = queue.take(limit - running.length);
    if (batch.length > 0) batches.push(batch);
    started.push(...batch);
    running.push(...batch);
    if (running.length === 0) break;
    const id = running.shift()!;
    const unreachable = queue.finish(id, !failing.has(id));
    if (failing.has(id)) dropped[id] = unreachable;
  }
  return { started, batches, dropped, isDone: queue.isDone };
}

const diamond = dagOf({ a: [], b: ['a'], c: ['a'], d: ['b', 'c'] });

describe('ReadyQueue order', () => {
  it('offers the instance with the longest remaining path first, whatever its id', () => {
    // z heads a chain of three; a and m stand alone.
    const dag = dagOf({ a: [], m: [], z: [], z2: ['z'], z3: ['z2'] });
    expect(queueOf(dag).take(3)).toEqual(['z', 'a', 'm']);
  });

  it('breaks ties on the remaining path by id', () => {
    const dag = dagOf({ d: [], b: [], c: [], a: [], e: ['d'], f: ['b'] });
    // d and b lead chains of two; c and a stand alone.
    expect(queueOf(dag).take(4)).toEqual(['b', 'd', 'a', 'c']);
  });

  it('orders by id alone when given no priorities', () => {
    expect(new ReadyQueue(dagOf({ c: [], a: [], b: [] })).take(3)).toEqual(['a', 'b', 'c']);
  });

  it('uses the priority map it is given (recorded durations), the larger first', () => {
    const dag = dagOf({ a: [], b: [], c: [] });
    const queue = new ReadyQueue(
      dag,
      new Map([
        ['a', 1],
        ['b', 30],
        ['c', 7],
      ]),
    );
    expect(queue.take(3)).toEqual(['b', 'c', 'a']);
  });

  it('keeps ordering instances that become ready later against those already waiting', () => {
    // After x finishes, x2 (a chain of three left) must overtake a and b (chains of one).
    const dag = dagOf({ x: [], a: [], b: [], x2: ['x'], x3: ['x2'], x4: ['x3'] });
    const queue = queueOf(dag);
    expect(queue.take(1)).toEqual(['x']);
    queue.finish('x', true);
    expect(queue.take(3)).toEqual(['x2', 'a', 'b']);
  });

  it('runs a critical path first with one slot', () => {
    const dag = dagOf({ a: [], b: [], long1: [], long2: ['long1'], long3: ['long2'], c: ['a'] });
    expect(simulate(queueOf(dag), 1).started).toEqual(['long1', 'a', 'long2', 'b', 'c', 'long3']);
  });
});

describe('ReadyQueue.take', () => {
  const fourReady = dagOf({ a: [], b: [], c: [], d: [], e: ['a'] });
  it.each([
    { limit: 0, taken: [] },
    { limit: 1, taken: ['a'] },
    { limit: 3, taken: ['a', 'b', 'c'] },
    { limit: 4, taken: ['a', 'b', 'c', 'd'] },
    { limit: 9, taken: ['a', 'b', 'c', 'd'] },
    { limit: -1, taken: [] },
  ])('take($limit) returns at most $limit of the four ready ids', ({ limit, taken }) => {
    const queue = queueOf(fourReady);
    expect(queue.take(limit)).toEqual(taken);
    expect(queue.runningCount).toBe(taken.length);
  });

  it('never hands out an id twice and offers nothing that still waits', () => {
    const queue = queueOf(fourReady);
    expect(queue.take(2)).toEqual(['a', 'b']);
    expect(queue.take(5)).toEqual(['c', 'd']);
    expect(queue.take(5)).toEqual([]);
    expect(queue.runningCount).toBe(4);
  });

  it('counts running ids down as they finish', () => {
    const queue = queueOf(fourReady);
    queue.take(3);
    queue.finish('b', true);
    queue.finish('c', false);
    expect(queue.runningCount).toBe(1);
  });

  it('never has more running than the limit when the caller takes limit - running', () => {
    const dag = dagOf({ a: [], b: [], c: [], d: [], e: [], f: ['a'], g: ['b'], h: ['f', 'g'] });
    const { batches, started, isDone } = simulate(queueOf(dag), 2);
    expect(batches.every((batch) => batch.length <= 2)).toBe(true);
    expect(started.sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
    expect(isDone).toBe(true);
  });
});

describe('ReadyQueue.finish', () => {
  it('readies a diamond top only when both sides succeeded', () => {
    const queue = queueOf(diamond);
    expect(queue.take(4)).toEqual(['a']);
    expect(queue.finish('a', true)).toEqual([]);
    expect(queue.take(4)).toEqual(['b', 'c']);
    expect(queue.finish('b', true)).toEqual([]);
    expect(queue.take(4)).toEqual([]);
    expect(queue.finish('c', true)).toEqual([]);
    expect(queue.take(4)).toEqual(['d']);
    expect(queue.isDone).toBe(false);
    queue.finish('d', true);
    expect(queue.isDone).toBe(true);
  });

  it('returns every transitive dependent of a failure, sorted, each once even through a diamond', () => {
    const queue = queueOf(diamond);
    queue.take(1);
    expect(queue.finish('a', false)).toEqual(['b', 'c', 'd']);
    expect(queue.take(4)).toEqual([]);
    expect(queue.isDone).toBe(true);
  });

  it('drops what waits on a failure even when its other dependencies succeed later', () => {
    const queue = queueOf(diamond);
    queue.take(1);
    queue.finish('a', true);
    expect(queue.take(2)).toEqual(['b', 'c']);
    expect(queue.finish('b', false)).toEqual(['d']);
    expect(queue.isDone).toBe(false);
    expect(queue.finish('c', true)).toEqual([]);
    expect(queue.take(4)).toEqual([]);
    expect(queue.isDone).toBe(true);
  });

  it('does not report an instance twice when two of its dependencies fail', () => {
    const queue = queueOf(diamond);
    queue.take(1);
    queue.finish('a', true);
    queue.take(2);
    expect(queue.finish('b', false)).toEqual(['d']);
    expect(queue.finish('c', false)).toEqual([]);
    expect(queue.isDone).toBe(true);
  });

  it('lets independent branches carry on after a failure', () => {
    const dag = dagOf({ a: [], a2: ['a'], a3: ['a2'], b: [], b2: ['b'], shared: ['a', 'b'] });
    const { started, dropped, isDone } = simulate(queueOf(dag), 4, new Set(['a']));
    expect(dropped).toEqual({ a: ['a2', 'a3', 'shared'] });
    expect(started.sort()).toEqual(['a', 'b', 'b2']);
    expect(isDone).toBe(true);
  });

  it('schedules a destroy (the reversed graph) from the leaves down', () => {
    const { started } = simulate(queueOf(reverseDag(diamond)), 1);
    expect(started).toEqual(['d', 'b', 'c', 'a']);
  });
});

describe('ReadyQueue.drain', () => {
  it('drops everything ready or waiting, sorted, and lets running ids finish', () => {
    const dag = dagOf({ a: [], b: [], c: [], a2: ['a'], b2: ['b'] });
    const queue = queueOf(dag);
    expect(queue.take(2)).toEqual(['a', 'b']);
    expect(queue.drain()).toEqual(['a2', 'b2', 'c']);
    expect(queue.isDone).toBe(false);
    expect(queue.runningCount).toBe(2);
    // A success after the drain readies nothing; a failure reports nothing new.
    expect(queue.finish('a', true)).toEqual([]);
    expect(queue.take(5)).toEqual([]);
    expect(queue.finish('b', false)).toEqual([]);
    expect(queue.isDone).toBe(true);
  });

  it('does not drop again what a failure already dropped', () => {
    const queue = queueOf(diamond);
    queue.take(1);
    queue.finish('a', true);
    queue.take(1);
    expect(queue.finish('b', false)).toEqual(['d']);
    expect(queue.drain()).toEqual(['c']);
    expect(queue.isDone).toBe(true);
  });

  it('returns nothing on an empty or finished queue', () => {
    const empty = queueOf(dagOf({}));
    expect(empty.isDone).toBe(true);
    expect(empty.drain()).toEqual([]);
    const queue = queueOf(dagOf({ a: [] }));
    queue.take(1);
    queue.finish('a', true);
    expect(queue.drain()).toEqual([]);
    expect(queue.isDone).toBe(true);
  });
});
