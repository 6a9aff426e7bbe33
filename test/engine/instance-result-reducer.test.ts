import { describe, expect, it } from '@jest/globals';
import type { Instance } from '../../src/core/graph/types.js';
import { instanceFromFile, instanceToFile } from '../../src/core/result-file.js';
import {
  pendingResult,
  reduceInstanceResult,
  type InstanceEvent,
} from '../../src/engine/instance-result-reducer.js';

const instance = {
  id: 'a/r1/network',
  layer: 'network',
  scope: 'region',
  account: 'a',
  region: 'r1',
  environment: null,
} as Instance;

const fold = (events: InstanceEvent[]) => events.reduce(reduceInstanceResult, pendingResult(instance));
const started: InstanceEvent = { type: 'started', at: '2025-01-01T00:00:00.000Z' };
const finished = (outcome: Extract<InstanceEvent, { type: 'finished' }>['outcome']): InstanceEvent => ({
  type: 'finished',
  outcome,
  at: '2025-01-01T00:00:01.000Z',
  durationMs: 1000,
});

describe('reduceInstanceResult', () => {
  it('builds a succeeded result from its events, and clears the step', () => {
    const result = fold([
      started,
      { type: 'step-began', step: 'plan' },
      { type: 'upstream-mocked', id: 'a/iam' },
      { type: 'upstream-mocked', id: 'a/iam' },
      { type: 'plan-saved', planFile: 'instances/a.r1.network/plan.tfplan' },
      {
        type: 'planned',
        changes: { add: 1, change: 0, destroy: 0, replace: 0 },
        resourceChanges: [{ address: 'terraform_data.x', action: 'create' }],
      },
      finished({ status: 'succeeded' }),
    ]);
    // As the result file writes it: every field, null where it does not apply.
    expect(instanceToFile(result)).toMatchObject({
      status: 'succeeded',
      step: null,
      startedAt: '2025-01-01T00:00:00.000Z',
      finishedAt: '2025-01-01T00:00:01.000Z',
      durationMs: 1000,
      mockedUpstreams: ['a/iam'],
      planFile: 'instances/a.r1.network/plan.tfplan',
      changes: { add: 1, change: 0, destroy: 0, replace: 0 },
      error: null,
      reason: null,
    });
    // In the model, a success has exactly its own fields: no step, error or reason at all.
    expect(Object.keys(result).sort()).toEqual(
      [
        ...Object.keys(instance),
        'status',
        'startedAt',
        'finishedAt',
        'durationMs',
        'changes',
        'resourceChanges',
        'mockedUpstreams',
        'planFile',
      ].sort(),
    );
    expect(instanceFromFile(instanceToFile(result), 'round trip')).toEqual(result);
  });

  it.each<[string, InstanceEvent[], object]>([
    [
      'a failure keeps the step it failed in',
      [
        started,
        { type: 'step-began', step: 'apply' },
        finished({ status: 'failed', error: 'boom', timedOut: true }),
      ],
      { status: 'failed', step: 'apply', error: 'boom', timedOut: true, reason: null },
    ],
    [
      'a cancellation while running has a reason and the interrupted command',
      [
        started,
        { type: 'step-began', step: 'apply' },
        finished({
          status: 'cancelled',
          reason: 'the run was cancelled while it ran',
          error: 'interrupted',
          timedOut: false,
        }),
      ],
      { status: 'cancelled', reason: 'the run was cancelled while it ran', error: 'interrupted' },
    ],
    [
      'an instance that never ran has a reason and no times',
      [{ type: 'not-run', status: 'skipped', reason: 'upstream a/iam failed' }],
      { status: 'skipped', reason: 'upstream a/iam failed', startedAt: null, finishedAt: null, step: null },
    ],
  ])('%s', (_name, events, expected) => {
    const result = fold(events);
    expect(instanceToFile(result)).toMatchObject(expected);
    expect(instanceFromFile(instanceToFile(result), 'round trip')).toEqual(result);
  });

  it('keeps what a skipped or cancelled instance did only when it started', () => {
    const notRun = fold([{ type: 'not-run', status: 'skipped', reason: 'upstream a/iam failed' }]);
    expect(notRun).toEqual({ ...instance, status: 'skipped', reason: 'upstream a/iam failed' });
    const stopped = fold([
      started,
      { type: 'step-began', step: 'apply' },
      finished({
        status: 'cancelled',
        reason: 'the run was cancelled while it ran',
        error: 'x',
        timedOut: true,
      }),
    ]);
    expect(stopped).toMatchObject({
      status: 'cancelled',
      reason: 'the run was cancelled while it ran',
      attempt: { step: 'apply', error: 'x', timedOut: true, durationMs: 1000 },
    });
  });

  it('ignores what the pipeline reports about an instance that is not running', () => {
    const notRun = fold([{ type: 'not-run', status: 'cancelled', reason: 'the run was cancelled' }]);
    expect(reduceInstanceResult(notRun, { type: 'step-began', step: 'plan' })).toBe(notRun);
    expect(reduceInstanceResult(notRun, finished({ status: 'succeeded' }))).toBe(notRun);
  });

  it('never changes the result it is given, which reporters may still hold', () => {
    const before = pendingResult(instance);
    const copy = structuredClone(before);
    reduceInstanceResult(before, started);
    reduceInstanceResult(before, { type: 'upstream-mocked', id: 'a/iam' });
    expect(before).toEqual(copy);
  });
});
