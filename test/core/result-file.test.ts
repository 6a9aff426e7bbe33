import { describe, expect, it } from '@jest/globals';
import { UsageError } from '../../src/core/errors.js';
import {
  instanceFromFile,
  parseResultFile,
  parseResultText,
  toResultFile,
  type InstanceResultFile,
} from '../../src/core/result-file.js';
import type { InstanceResult, RunResult } from '../../src/core/run-result.js';

const identity = {
  layer: 'network',
  scope: 'region',
  account: 'a',
  region: 'r1',
  environment: null,
} as const;
const ran = {
  startedAt: '2026-01-01T00:00:00.000Z',
  finishedAt: '2026-01-01T00:00:02.000Z',
  durationMs: 2000,
  changes: { add: 1, change: 0, destroy: 0, replace: 0 },
  resourceChanges: [{ address: 'terraform_data.x', action: 'create' }],
  mockedUpstreams: ['a/iam'],
  planFile: 'instances/x/plan.tfplan',
};

/** One instance of every shape the model has. */
const instances: InstanceResult[] = [
  { ...identity, id: 'pending', status: 'pending' },
  {
    ...identity,
    id: 'running',
    status: 'running',
    step: 'plan',
    startedAt: ran.startedAt,
    changes: null,
    resourceChanges: [],
    mockedUpstreams: [],
    planFile: null,
  },
  { ...identity, id: 'succeeded', status: 'succeeded', ...ran },
  { ...identity, id: 'failed', status: 'failed', ...ran, step: 'apply', error: 'boom', timedOut: true },
  { ...identity, id: 'skipped', status: 'skipped', reason: 'upstream x failed' },
  {
    ...identity,
    id: 'skipped-after-start',
    status: 'skipped',
    reason: 'waits on upstream a/iam',
    attempt: { ...ran, changes: null, step: 'read-upstream' },
  },
  { ...identity, id: 'cancelled', status: 'cancelled', reason: 'the run was cancelled' },
  {
    ...identity,
    id: 'cancelled-while-running',
    status: 'cancelled',
    reason: 'the run was cancelled while it ran',
    attempt: { ...ran, step: 'apply', error: 'interrupted', timedOut: false },
  },
];

const run: RunResult = {
  version: 1,
  command: 'apply',
  status: 'running',
  manifest: 'layers.yml',
  startedAt: '2026-01-01T00:00:00.000Z',
  finishedAt: null,
  durationMs: null,
  terraform: { binary: 'tofu', version: '1.12.6' },
  parallelism: 4,
  hasChanges: true,
  instances,
};

const FILE_FIELDS = [
  'id',
  'layer',
  'scope',
  'account',
  'region',
  'environment',
  'status',
  'step',
  'startedAt',
  'finishedAt',
  'durationMs',
  'changes',
  'resourceChanges',
  'error',
  'reason',
  'timedOut',
  'mockedUpstreams',
  'planFile',
].sort();

describe('result files', () => {
  it('write every field of every instance, null where it does not apply, and read back to the same model', () => {
    const file = JSON.parse(JSON.stringify(toResultFile(run))) as { instances: InstanceResultFile[] };
    for (const instance of file.instances) expect(Object.keys(instance).sort()).toEqual(FILE_FIELDS);
    expect(file.instances.find((i) => i.id === 'pending')).toMatchObject({ startedAt: null, error: null });
    expect(file.instances.find((i) => i.id === 'cancelled-while-running')).toMatchObject({
      step: 'apply',
      error: 'interrupted',
      reason: 'the run was cancelled while it ran',
      durationMs: 2000,
    });
    expect(parseResultFile(file, 'r.json')).toEqual(run);
  });

  it('read a file an older Strata wrote (every field, nulls) into the narrowed model', () => {
    const older = {
      ...identity,
      id: 'a/r1/network',
      status: 'skipped',
      step: null,
      startedAt: null,
      finishedAt: null,
      durationMs: null,
      changes: null,
      resourceChanges: [],
      error: null,
      reason: 'upstream a/iam failed',
      timedOut: false,
      mockedUpstreams: [],
      planFile: null,
    };
    expect(instanceFromFile(older, 'old.json')).toEqual({
      ...identity,
      id: 'a/r1/network',
      status: 'skipped',
      reason: 'upstream a/iam failed',
    });
  });

  it.each<[string, unknown, string]>([
    ['not a result', { nodes: [] }, 'x.json is not a Strata result file'],
    [
      'an unknown run status',
      { ...toResultFile(run), status: 'done' },
      "x.json: 'status' must be one of running",
    ],
    [
      'a success without its times',
      { ...toResultFile(run), instances: [{ ...toResultFile(run).instances[2], startedAt: null }] },
      "x.json, instances[0] (succeeded): 'startedAt' must be a string, got null",
    ],
    [
      'a failure without its error',
      { ...toResultFile(run), instances: [{ ...toResultFile(run).instances[3], error: null }] },
      "x.json, instances[0] (failed): 'error' must be a string, got null",
    ],
  ])('refuse %s, saying where and what', (_name, value, message) => {
    expect(() => parseResultFile(value, 'x.json')).toThrow(UsageError);
    expect(() => parseResultFile(value, 'x.json')).toThrow(message);
  });

  it('say when a file is not JSON', () => {
    expect(() => parseResultText('{"version": 1,', 'r.json')).toThrow(/^r\.json is not valid JSON: /);
  });
});
