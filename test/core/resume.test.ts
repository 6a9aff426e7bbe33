import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { UsageError } from '../../src/core/errors.js';
import { planResume } from '../../src/core/resume.js';
import { instanceFromFile } from '../../src/core/result-file.js';
import type { EngineCommand, InstanceResult, InstanceStatus, RunResult } from '../../src/core/run-result.js';
import { dagOf, reaches, type Edges } from '../helpers/graphs.js';

function instance(id: string, status: InstanceStatus): InstanceResult {
  const finished = status !== 'pending' && status !== 'running';
  return instanceFromFile(
    {
      id,
      layer: id,
      scope: 'global',
      account: null,
      region: null,
      environment: null,
      status,
      step: status === 'running' ? 'apply' : null,
      startedAt: status === 'pending' ? null : '2024-05-02T09:00:00.000Z',
      finishedAt: finished ? '2024-05-02T09:01:00.000Z' : null,
      durationMs: finished ? 60_000 : null,
      changes: null,
      resourceChanges: [],
      error: status === 'failed' ? 'apply: exit code 1' : null,
      reason: status === 'skipped' || status === 'cancelled' ? 'an upstream failed' : null,
      timedOut: false,
      mockedUpstreams: [],
      planFile: null,
    },
    id,
  );
}

/** A previous run's result: the instances in the order given, each with its status. */
function previousRun(statuses: [string, InstanceStatus][], command: EngineCommand = 'apply'): RunResult {
  return {
    version: 1,
    command,
    status: statuses.every(([, status]) => status === 'succeeded') ? 'succeeded' : 'failed',
    manifest: 'layers.yml',
    startedAt: '2024-05-02T09:00:00.000Z',
    finishedAt: null,
    durationMs: null,
    terraform: { binary: 'terraform', version: '1.13.5' },
    parallelism: 4,
    hasChanges: true,
    instances: statuses.map(([id, status]) => instance(id, status)),
  };
}

// a <- b <- c (c depends on b, b on a); d alone; e depends on a and d.
const ESTATE: Edges = [
  ['a', []],
  ['b', ['a']],
  ['c', ['b']],
  ['d', []],
  ['e', ['a', 'd']],
];

describe('planResume', () => {
  it.each<{
    name: string;
    statuses: [string, InstanceStatus][];
    edges?: Edges;
    rerun: string[];
    kept: string[];
  }>([
    {
      name: 'a run that succeeded: nothing to run again',
      statuses: [
        ['a', 'succeeded'],
        ['b', 'succeeded'],
        ['c', 'succeeded'],
        ['d', 'succeeded'],
        ['e', 'succeeded'],
      ],
      rerun: [],
      kept: ['a', 'b', 'c', 'd', 'e'],
    },
    {
      name: 'a failure: it and the instances skipped below it',
      statuses: [
        ['a', 'succeeded'],
        ['b', 'failed'],
        ['c', 'skipped'],
        ['d', 'succeeded'],
        ['e', 'succeeded'],
      ],
      rerun: ['b', 'c'],
      kept: ['a', 'd', 'e'],
    },
    {
      name: 'a killed run: what was running and what was still pending',
      statuses: [
        ['a', 'succeeded'],
        ['b', 'running'],
        ['c', 'pending'],
        ['d', 'running'],
        ['e', 'pending'],
      ],
      rerun: ['b', 'c', 'd', 'e'],
      kept: ['a'],
    },
    {
      name: 'a cancelled run (fail-fast or Ctrl-C)',
      statuses: [
        ['a', 'succeeded'],
        ['b', 'succeeded'],
        ['c', 'cancelled'],
        ['d', 'failed'],
        ['e', 'cancelled'],
      ],
      rerun: ['c', 'd', 'e'],
      kept: ['a', 'b'],
    },
    {
      name: 'succeeded instances downstream of one that runs again run again too, transitively',
      statuses: [
        ['a', 'failed'],
        ['b', 'succeeded'],
        ['c', 'succeeded'],
        ['d', 'succeeded'],
        ['e', 'succeeded'],
      ],
      rerun: ['a', 'b', 'c', 'e'],
      kept: ['d'],
    },
    {
      name: 'an instance the previous run did not have (never succeeded there) runs, and so do its dependents',
      statuses: [
        ['a', 'succeeded'],
        ['b', 'succeeded'],
        ['c', 'succeeded'],
        ['e', 'succeeded'],
      ],
      rerun: ['d', 'e'],
      kept: ['a', 'b', 'c'],
    },
    {
      name: 'a diamond: one failure at the top runs everything below it once',
      statuses: [
        ['top', 'failed'],
        ['left', 'skipped'],
        ['right', 'skipped'],
        ['bottom', 'skipped'],
        ['other', 'succeeded'],
      ],
      edges: [
        ['top', []],
        ['left', ['top']],
        ['right', ['top']],
        ['bottom', ['left', 'right']],
        ['other', []],
      ],
      rerun: ['bottom', 'left', 'right', 'top'],
      kept: ['other'],
    },
    {
      name: 'merged matrix results naming an instance twice: its last report counts',
      statuses: [
        ['a', 'failed'],
        ['b', 'succeeded'],
        ['c', 'succeeded'],
        ['d', 'succeeded'],
        ['e', 'succeeded'],
        ['a', 'succeeded'],
      ],
      rerun: [],
      kept: ['a', 'b', 'c', 'd', 'e'],
    },
    {
      name: 'a result listed in another order: kept keeps the previous order',
      statuses: [
        ['e', 'succeeded'],
        ['d', 'succeeded'],
        ['c', 'failed'],
        ['b', 'succeeded'],
        ['a', 'succeeded'],
      ],
      rerun: ['c'],
      kept: ['e', 'd', 'b', 'a'],
    },
  ])('$name', ({ statuses, edges, rerun, kept }) => {
    const previous = previousRun(statuses);
    const plan = planResume(previous, dagOf(edges ?? ESTATE), 'apply');
    expect([...plan.rerun].sort()).toEqual(rerun);
    expect(plan.kept.map((result) => result.id)).toEqual(kept);
    expect(plan.kept.every((result) => result.status === 'succeeded')).toBe(true);
  });

  it('keeps the previous results themselves, not copies with a new status', () => {
    const previous = previousRun([
      ['a', 'succeeded'],
      ['b', 'failed'],
      ['c', 'skipped'],
      ['d', 'succeeded'],
      ['e', 'succeeded'],
    ]);
    const plan = planResume(previous, dagOf(ESTATE), 'apply');
    expect(plan.kept[0]).toBe(previous.instances[0]);
  });

  it.each<{ name: string; previous: EngineCommand; current: EngineCommand }>([
    { name: 'a plan resumed as an apply', previous: 'plan', current: 'apply' },
    { name: 'an apply resumed as a destroy', previous: 'apply', current: 'destroy' },
  ])('refuses $name', ({ previous, current }) => {
    const run = previousRun([['a', 'failed']], previous);
    const attempt = () => planResume(run, dagOf({ a: [] }), current);
    expect(attempt).toThrow(UsageError);
    expect(attempt).toThrow(
      `Cannot resume a '${previous}' run with '${current}': resume it with '${previous}', or start a new '${current}' run without resuming`,
    );
  });

  it('refuses a result naming an instance that is not in the selection, and says which', () => {
    const run = previousRun([
      ['a', 'succeeded'],
      ['gone', 'failed'],
      ['b', 'failed'],
    ]);
    const attempt = () => planResume(run, dagOf({ a: [], b: ['a'] }), 'apply');
    expect(attempt).toThrow(UsageError);
    expect(attempt).toThrow(
      "Cannot resume: the previous run has 1 instance that is not in this run's selection (gone); the manifest or the selection changed since. Select the same instances as that run, or start a new run without resuming",
    );
  });

  it('names the first five unknown instances and counts the rest', () => {
    const run = previousRun(['a', 'u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7'].map((id) => [id, 'failed']));
    expect(() => planResume(run, dagOf({ a: [] }), 'apply')).toThrow(
      "the previous run has 7 instances that are not in this run's selection (u1, u2, u3, u4, u5 and 2 more)",
    );
  });
});

describe('planResume, on random estates and results', () => {
  const STATUSES: InstanceStatus[] = ['pending', 'running', 'succeeded', 'failed', 'skipped', 'cancelled'];

  /** A random DAG over n0..n(size-1) (each node depends only on lower ones), and a status per node or none. */
  const scenario = fc.integer({ min: 1, max: 16 }).chain((size) =>
    fc.record({
      edges: fc.tuple(
        ...Array.from({ length: size }, (_, index) =>
          fc.uniqueArray(fc.nat({ max: Math.max(0, index - 1) }), { maxLength: index === 0 ? 0 : 3 }),
        ),
      ),
      statuses: fc.array(fc.option(fc.constantFrom(...STATUSES), { nil: undefined }), {
        minLength: size,
        maxLength: size,
      }),
    }),
  );

  it('runs again exactly what did not succeed and everything downstream of it; keeps the rest', () => {
    fc.assert(
      fc.property(scenario, ({ edges, statuses }) => {
        const pairs = edges.map((below, index): [string, string[]] => [
          `n${index}`,
          below.map((other) => `n${other}`),
        ]);
        const dag = dagOf(pairs);
        const listed = statuses.flatMap((status, index): [string, InstanceStatus][] =>
          status === undefined ? [] : [[`n${index}`, status]],
        );
        const plan = planResume(previousRun(listed), dag, 'apply');
        const succeeded = new Set(listed.filter(([, status]) => status === 'succeeded').map(([id]) => id));
        const unfinished = dag.ids.filter((id) => !succeeded.has(id));
        for (const id of dag.ids) {
          // `reaches(dependsOn, from, to)`: `from` depends on `to`, directly or not.
          const expected = unfinished.some((origin) => origin === id || reaches(dag.dependsOn, id, origin));
          expect(plan.rerun.has(id)).toBe(expected);
        }
        expect(plan.kept.map((result) => result.id).sort()).toEqual(
          [...succeeded].filter((id) => !plan.rerun.has(id)).sort(),
        );
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});
