import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { findCycle } from '../../src/core/graph/find-cycle.js';
import type { LayerGraph } from '../../src/core/graph/types.js';
import { remainingPathLengths } from '../../src/core/schedule/critical-path.js';
import {
  dagIndexOf,
  dagOfGraph,
  dependentsOf,
  topologicalOrder,
  type Dag,
} from '../../src/core/schedule/dag.js';
import { ReadyQueue } from '../../src/core/schedule/ready-queue.js';
import { compareIds, computeWaves } from '../../src/core/schedule/waves.js';
import { inducedDag, selectInstances } from '../../src/core/selection/select-instances.js';
import { graphOf, reaches } from '../helpers/graphs.js';

/** Fixed seed: a failure reproduces on every machine; fast-check prints the shrunk counterexample. */
const RUNS = { seed: 42, numRuns: 200 };

type Pairs = [string, string[]][];

/**
 * A random DAG of up to `maxSize` nodes: node i may depend only on nodes below i, so there is no cycle;
 * then the names are shuffled and the nodes listed by name, so neither the ids nor the listing order
 * give the topological order away.
 */
function dagPairs(maxSize = 24): fc.Arbitrary<Pairs> {
  return fc.integer({ min: 0, max: maxSize }).chain((size) =>
    fc
      .record({
        picks: fc.array(fc.array(fc.nat(), { maxLength: 4 }), { minLength: size, maxLength: size }),
        names: fc.shuffledSubarray(
          Array.from({ length: size }, (_, index) => index),
          { minLength: size, maxLength: size },
        ),
      })
      .map(({ picks, names }) => {
        const name = (index: number) => `n${names[index]!}`;
        const pairs: Pairs = picks.map((pick, index) => [
          name(index),
          index === 0 ? [] : [...new Set(pick.map((value) => name(value % index)))],
        ]);
        return pairs.sort(([a], [b]) => compareIds(a, b));
      }),
  );
}

/** A random DAG with a cycle planted through 1 to 4 of its nodes (one node: it depends on itself). */
function cyclicPairs(): fc.Arbitrary<Pairs> {
  return dagPairs()
    .filter((pairs) => pairs.length > 0)
    .chain((pairs) =>
      fc
        .shuffledSubarray(
          pairs.map(([id]) => id),
          { minLength: 1, maxLength: Math.min(4, pairs.length) },
        )
        .map((ring) => {
          const edges = new Map(pairs.map(([id, dependsOn]) => [id, [...dependsOn]]));
          ring.forEach((id, index) => edges.get(id)!.push(ring[(index + 1) % ring.length]!));
          return [...edges];
        }),
    );
}

/** Any directed graph (cycles or not): each node depends on up to three random nodes, itself included. */
function anyPairs(): fc.Arbitrary<Pairs> {
  return fc
    .integer({ min: 1, max: 12 })
    .chain((size) =>
      fc.array(fc.array(fc.nat(size - 1), { maxLength: 3 }), { minLength: size, maxLength: size }),
    )
    .map((picks) =>
      picks.map((pick, index): [string, string[]] => [`n${index}`, pick.map((value) => `n${value}`)]),
    );
}

function waveIndex(waves: string[][]): Map<string, number> {
  return new Map(waves.flatMap((wave, index) => wave.map((id): [string, number] => [id, index])));
}

function expectRealCycle(graph: LayerGraph, cycle: string[]) {
  expect(cycle.length).toBeGreaterThanOrEqual(2);
  expect(cycle[cycle.length - 1]).toBe(cycle[0]);
  for (let index = 0; index + 1 < cycle.length; index++) {
    expect(graph.byId.get(cycle[index]!)!.dependsOn).toContain(cycle[index + 1]);
  }
  expect(new Set(cycle.slice(0, -1)).size).toBe(cycle.length - 1);
}

describe('computeWaves on random DAGs', () => {
  it('puts every node in exactly one wave, right after its latest dependency, sorted inside the wave', () => {
    fc.assert(
      fc.property(dagPairs(), (pairs) => {
        const graph = graphOf(pairs);
        const waves = computeWaves(dagOfGraph(graph));
        const waveOf = waveIndex(waves);
        expect(waves.flat().sort()).toEqual(pairs.map(([id]) => id).sort());
        for (const wave of waves) {
          expect(wave.length).toBeGreaterThan(0);
          expect(wave).toEqual([...wave].sort(compareIds));
        }
        for (const instance of graph.instances) {
          const wave = waveOf.get(instance.id)!;
          const dependencyWaves = instance.dependsOn.map((id) => waveOf.get(id)!);
          // Depends only on earlier waves...
          for (const dependencyWave of dependencyWaves) expect(dependencyWave).toBeLessThan(wave);
          // ...and could not sit any earlier.
          expect(wave).toBe(dependencyWaves.length === 0 ? 0 : Math.max(...dependencyWaves) + 1);
        }
      }),
      RUNS,
    );
  });
});

describe('findCycle on random graphs', () => {
  it('finds nothing in any DAG', () => {
    fc.assert(
      fc.property(dagPairs(), (pairs) => {
        const graph = graphOf(pairs);
        expect(findCycle(graph.instances, graph.byId)).toBeUndefined();
      }),
      RUNS,
    );
  });

  it('returns a real cycle whenever one is planted', () => {
    fc.assert(
      fc.property(cyclicPairs(), (pairs) => {
        const graph = graphOf(pairs);
        const cycle = findCycle(graph.instances, graph.byId);
        expect(cycle).toBeDefined();
        expectRealCycle(graph, cycle!);
      }),
      RUNS,
    );
  });

  it('agrees with the topological sort on arbitrary graphs: a cycle exactly when there is no order', () => {
    fc.assert(
      fc.property(anyPairs(), (pairs) => {
        const graph = graphOf(pairs);
        const cycle = findCycle(graph.instances, graph.byId);
        let hasOrder = true;
        try {
          topologicalOrder(dagOfGraph(graph));
        } catch {
          hasOrder = false;
        }
        expect(cycle === undefined).toBe(hasOrder);
        if (cycle) expectRealCycle(graph, cycle);
      }),
      RUNS,
    );
  });
});

describe('inducedDag and selectInstances on random subsets', () => {
  const dagWithSubset = dagPairs().chain((pairs) =>
    fc.tuple(fc.constant(pairs), fc.subarray(pairs.map(([id]) => id))),
  );

  it('keep every ordering of the full graph between selected nodes, and invent none', () => {
    fc.assert(
      fc.property(dagWithSubset, ([pairs, subset]) => {
        const graph = graphOf(pairs);
        const selected = new Set(subset);
        const dag = inducedDag(graph, selected);
        if (subset.length > 0) expect(selectInstances(graph, { instances: subset })).toEqual(dag);

        expect(dag.ids).toEqual(
          graph.instances.map((instance) => instance.id).filter((id) => selected.has(id)),
        );
        const full = new Map(graph.instances.map((instance) => [instance.id, instance.dependsOn]));
        const waveOf = waveIndex(computeWaves(dag));
        for (const later of dag.ids) {
          for (const earlier of dag.ids) {
            const isOrdered = reaches(full, later, earlier);
            // A path later ->* earlier in the full graph keeps earlier in an earlier wave...
            if (isOrdered) expect(waveOf.get(earlier)!).toBeLessThan(waveOf.get(later)!);
            // ...and the selection orders exactly the pairs the full graph orders.
            expect(reaches(dag.dependsOn, later, earlier)).toBe(isOrdered);
          }
          for (const dependency of dag.dependsOn.get(later)!) {
            expect(selected.has(dependency)).toBe(true);
            expect(reaches(full, later, dependency)).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });
});

describe('ReadyQueue in a simulated run', () => {
  const scenario = dagPairs().chain((pairs) =>
    fc.record({
      pairs: fc.constant(pairs),
      parallelism: fc.integer({ min: 1, max: 4 }),
      failing: fc.subarray(
        pairs.map(([id]) => id),
        { maxLength: Math.min(3, pairs.length) },
      ),
      // Which running node finishes next, at each step; cycled when it runs out.
      finishOrder: fc.array(fc.nat(), { minLength: 1, maxLength: 40 }),
      // Drain (fail-fast, cancellation) after this many finishes, or never.
      drainAfter: fc.option(fc.nat(30), { nil: undefined }),
    }),
  );

  it('starts nothing before its dependencies succeeded, never runs more than p, ends every node once', () => {
    fc.assert(
      fc.property(scenario, ({ pairs, parallelism, failing, finishOrder, drainAfter }) => {
        const graph = graphOf(pairs);
        const dag = dagOfGraph(graph);
        const priority = remainingPathLengths(dag);
        const queue = new ReadyQueue(dag, priority);
        const failures = new Set(failing);
        const running: string[] = [];
        const started = new Set<string>();
        const succeeded = new Set<string>();
        const failed = new Set<string>();
        const dropped = new Set<string>();
        const isBefore = (a: string, b: string) =>
          priority.get(a) !== priority.get(b) ? priority.get(a)! > priority.get(b)! : compareIds(a, b) < 0;

        for (let step = 0; ; step++) {
          // What should be ready: every dependency succeeded, not started, not dropped; best first.
          const ready = dag.ids
            .filter((id) => !started.has(id) && !dropped.has(id))
            .filter((id) => dag.dependsOn.get(id)!.every((dependency) => succeeded.has(dependency)))
            .sort((a, b) => (isBefore(a, b) ? -1 : 1));
          const limit = parallelism - running.length;
          const batch = queue.take(limit);
          expect(batch).toEqual(ready.slice(0, Math.max(0, limit)));
          for (const id of batch) {
            expect(started.has(id) || dropped.has(id)).toBe(false);
            for (const dependency of dag.dependsOn.get(id)!) expect(succeeded.has(dependency)).toBe(true);
            started.add(id);
            running.push(id);
          }
          expect(running.length).toBeLessThanOrEqual(parallelism);
          expect(queue.runningCount).toBe(running.length);
          if (running.length === 0) break;

          const [id] = running.splice(finishOrder[step % finishOrder.length]! % running.length, 1);
          const isSuccess = !failures.has(id!);
          const unreachable = queue.finish(id!, isSuccess);
          if (isSuccess) {
            succeeded.add(id!);
            expect(unreachable).toEqual([]);
          } else {
            failed.add(id!);
            // Exactly the transitive dependents not already ended: none can have started.
            const expected = dag.ids.filter(
              (other) => !dropped.has(other) && reaches(dag.dependsOn, other, id!),
            );
            expect(unreachable).toEqual(expected.sort(compareIds));
            for (const other of unreachable) {
              expect(started.has(other)).toBe(false);
              dropped.add(other);
            }
          }
          if (drainAfter === step) {
            const rest = queue.drain();
            expect(rest).toEqual(
              dag.ids.filter((other) => !started.has(other) && !dropped.has(other)).sort(compareIds),
            );
            for (const other of rest) dropped.add(other);
          }
        }

        expect(queue.isDone).toBe(true);
        for (const id of dag.ids) {
          const endings = [succeeded.has(id), failed.has(id), dropped.has(id)].filter(Boolean).length;
          expect(endings).toBe(1);
        }
        if (drainAfter === undefined) {
          // Without a drain, a node is dropped exactly when something it depends on, however far up, failed.
          for (const id of dag.ids) {
            const hasFailedAncestor = [...failed].some((bad) => reaches(dag.dependsOn, id, bad));
            expect(dropped.has(id)).toBe(hasFailedAncestor);
          }
        }
      }),
      RUNS,
    );
  });
});

/** The same Dag as plain data: scheduling compiles it first, rather than reading the compiled form selection made. */
function plainCopy(dag: Dag): Dag {
  return { ids: [...dag.ids], dependsOn: new Map([...dag.dependsOn].map(([id, list]) => [id, [...list]])) };
}

describe('scheduling a Dag from selection (by its integer index) and the same Dag as plain data', () => {
  const dagWithSubset = dagPairs().chain((pairs) =>
    fc.tuple(fc.constant(pairs), fc.subarray(pairs.map(([id]) => id))),
  );

  it('give the same waves, order, dependents and path lengths, whatever is selected', () => {
    fc.assert(
      fc.property(dagWithSubset, ([pairs, subset]) => {
        const graph = graphOf(pairs);
        for (const dag of [dagOfGraph(graph), inducedDag(graph, new Set(subset))]) {
          const plain = plainCopy(dag);
          expect(dagIndexOf(dag)).toBeDefined();
          expect(dagIndexOf(plain)).toBeUndefined();
          expect(computeWaves(dag)).toEqual(computeWaves(plain));
          expect(topologicalOrder(dag)).toEqual(topologicalOrder(plain));
          expect([...dependentsOf(dag)]).toEqual([...dependentsOf(plain)]);
          const cost = (id: string) => id.length;
          expect([...remainingPathLengths(dag, cost)]).toEqual([...remainingPathLengths(plain, cost)]);
        }
      }),
      RUNS,
    );
  });

  it('fail alike on a graph with a cycle', () => {
    fc.assert(
      fc.property(cyclicPairs(), (pairs) => {
        const dag = dagOfGraph(graphOf(pairs));
        const plain = plainCopy(dag);
        expect(() => computeWaves(dag)).toThrow('computeWaves: the graph has a cycle');
        expect(() => computeWaves(plain)).toThrow('computeWaves: the graph has a cycle');
        expect(() => topologicalOrder(dag)).toThrow('topologicalOrder: the graph has a cycle');
        expect(() => remainingPathLengths(dag)).toThrow('topologicalOrder: the graph has a cycle');
      }),
      RUNS,
    );
  });
});
